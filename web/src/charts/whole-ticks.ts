/**
 * Axis ticks for a count of whole things (steps per minute): only whole numbers, on a step of 1, 2 or 5 times
 * a power of ten, and at most `maxTicks` of them. A nice-rounded axis over a narrow range (a runner whose
 * cadence barely moves) would otherwise label 172.5 steps/min.
 */
export interface WholeAxis {
  domain: [number, number];
  ticks: number[];
}

export function wholeNumberAxis(values: readonly number[], maxTicks: number): WholeAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const low = finite.length === 0 ? 0 : Math.floor(Math.min(...finite));
  const high = finite.length === 0 ? 1 : Math.ceil(Math.max(...finite));
  const intervals = Math.max(1, maxTicks - 1);
  let step = 1;
  for (let scale = 1; ; scale *= 10) {
    const fit = [1, 2, 5].map((m) => m * scale).find((s) => (high - low) / s <= intervals);
    if (fit !== undefined) {
      step = fit;
      break;
    }
  }
  const from = Math.floor(low / step) * step;
  let to = Math.ceil(high / step) * step;
  // At least two ticks, so the axis always reads as a scale.
  if (to === from) to = from + step;
  const ticks: number[] = [];
  for (let v = from; v <= to; v += step) ticks.push(v);
  return { domain: [from, to], ticks };
}
