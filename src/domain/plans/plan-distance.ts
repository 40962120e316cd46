/**
 * The one rounding for plan figures and ceilings, used by Today, the plan, the CLI and the dashboard: one
 * decimal in the runner's units, always rounded down. A ceiling of 18.66 km shown as 18.7 km would invite a
 * run past it, and rounding the same figure two ways (18.6 on one screen, 18.7 on another) is a contradiction.
 * Planned distances are whole 100 m, so rounding them down changes nothing in km and keeps miles honest.
 */
import { type DistanceUnits, formatDistance } from '../units.ts';

/** "18.6 km" / "11.5 mi", rounded down. */
export function formatPlanDistance(metres: number, units: DistanceUnits): string {
  return formatDistance(metres, units, { roundDown: true });
}
