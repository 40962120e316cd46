/**
 * Display units. Everything inside is SI (metres); km or miles appear only when text is rendered.
 */
export type DistanceUnits = 'km' | 'mi';

export const METRES_PER_KM = 1000;
/** International mile, exactly 1609.344 m. */
export const METRES_PER_MILE = 1609.344;

export function isDistanceUnits(value: string): value is DistanceUnits {
  return value === 'km' || value === 'mi';
}

export function metresToUnits(metres: number, units: DistanceUnits): number {
  return metres / (units === 'km' ? METRES_PER_KM : METRES_PER_MILE);
}

export function unitsToMetres(value: number, units: DistanceUnits): number {
  return value * (units === 'km' ? METRES_PER_KM : METRES_PER_MILE);
}

/**
 * "11.2 km" / "7.0 mi". One decimal is what a runner reads on a watch. `roundDown` is for ceilings: a
 * ceiling of 11.29 km shown as 11.3 km would invite a run above it, so ceilings are truncated instead.
 */
export function formatDistance(
  metres: number,
  units: DistanceUnits,
  options: { roundDown?: boolean } = {},
): string {
  const value = metresToUnits(metres, units);
  // The tiny epsilon keeps 11.2 (stored as 11.199999…) from truncating to 11.1.
  const shown = options.roundDown ? Math.floor(value * 10 + 1e-9) / 10 : Math.round(value * 10) / 10;
  return `${shown.toFixed(1)} ${units}`;
}
