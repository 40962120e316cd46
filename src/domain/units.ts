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

/** International foot, exactly 0.3048 m. */
export const METRES_PER_FOOT = 0.3048;

/** The unit climbs and descents are shown in: feet for a runner who reads miles, metres otherwise. */
export function elevationUnitOf(units: DistanceUnits): 'm' | 'ft' {
  return units === 'mi' ? 'ft' : 'm';
}

export function metresToElevationUnits(metres: number, units: DistanceUnits): number {
  return units === 'mi' ? metres / METRES_PER_FOOT : metres;
}

export function elevationUnitsToMetres(value: number, units: DistanceUnits): number {
  return units === 'mi' ? value * METRES_PER_FOOT : value;
}

/**
 * A whole number with commas between thousands ("2,612", "-1,250"), as toLocaleString('en-US') writes it,
 * without starting ICU's number formatting (tens of milliseconds for a command that prints one climb).
 */
export function groupThousands(whole: number): string {
  const digits = String(Math.abs(whole));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return whole < 0 ? `-${grouped}` : grouped;
}

/** "796 m" / "2,612 ft": whole numbers, as watches and maps show climbs. */
export function formatElevation(metres: number, units: DistanceUnits): string {
  const shown = Math.round(metresToElevationUnits(metres, units));
  return `${groupThousands(shown === 0 ? 0 : shown)} ${elevationUnitOf(units)}`;
}

/**
 * Descent per distance unit: "32 m per km" / "169 ft per mi". Metres per metre is converted on both sides
 * so a miles runner reads the same hilliness in their own units.
 */
export function formatElevationPerDistance(metresPerMetre: number, units: DistanceUnits): string {
  const perUnit = metresToElevationUnits(metresPerMetre * unitsToMetres(1, units), units);
  return `${Math.round(perUnit)} ${elevationUnitOf(units)} per ${units}`;
}

/** Distance without the unit ("11.2"), for tables whose header names the unit. */
export function formatDistanceNumber(metres: number, units: DistanceUnits): string {
  return (Math.round(metresToUnits(metres, units) * 10) / 10).toFixed(1);
}

/**
 * A signed percentage change: "+15 %", "−3 %", "0 %". A change that rounds to zero is shown as "0 %"
 * (never "-0 %" or "-0.0 %"); `decimals` for the few places that show tenths.
 */
export function formatChangePct(value: number, decimals = 0): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return `${(0).toFixed(decimals)} %`;
  return `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(decimals)} %`;
}

/** "1 run", "2 runs": counts in user-facing text agree with their noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Fixed evidence text quotes popular rules with both units ("every 300–500 miles (480–800 km)"). A runner
 * who reads miles gets the miles alone: the conversion in brackets is dropped. Text without such a bracket
 * is returned as it is.
 */
export function inRunnerUnits(text: string, units: DistanceUnits): string {
  return units === 'mi' ? text.replace(/\s*\(\s*(?:about\s+)?\d[\d.,\s–-]*\s*km\s*\)/gu, '') : text;
}
