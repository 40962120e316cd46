/**
 * Rounds to a fixed number of decimals. Used to strip floating-point noise before comparing with a bin
 * edge: 100 × (11 000 / 10 000 − 1) is 10.000000000000009 in binary floating point, and the runner who ran
 * exactly 10 % more must land in the 10 % bin, not above it.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // Normalise -0 so JSON and deepEqual see plain 0.
  return rounded === 0 ? 0 : rounded;
}

/** Decimals kept for percentages that are compared with bin edges (10 %, 30 %, 100 %). */
export const PCT_DECIMALS = 6;
