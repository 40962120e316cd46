/**
 * Climb and descent are heights, not distances: metres for a runner in km, feet for a runner in miles (the
 * way their watch and maps show them).
 */
import type { DistanceUnits } from '../../../src/domain/units.ts';
import { wholeWithCommas } from '../format-numbers.ts';

const FEET_PER_METRE = 3.28084;

export type ElevationUnit = 'm' | 'ft';

export function elevationUnit(units: DistanceUnits): ElevationUnit {
  return units === 'mi' ? 'ft' : 'm';
}

export function elevationValue(metres: number, units: DistanceUnits): number {
  return units === 'mi' ? metres * FEET_PER_METRE : metres;
}

/** "420 m" / "1,378 ft" */
export function formatElevation(metres: number, units: DistanceUnits): string {
  return `${wholeWithCommas(elevationValue(metres, units))} ${elevationUnit(units)}`;
}
