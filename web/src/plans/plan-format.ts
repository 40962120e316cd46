/**
 * Words and numbers for the plan week views: session kinds, and server notes shown in the runner's units
 * (days in words come from format-dates.ts). Pure (no hooks), so every plan view formats the same way.
 */
import { type DistanceUnits, formatDistance, unitsToMetres } from '../../../src/domain/units.ts';
import type { SessionKind } from '../types/plans.ts';

/** The API's limits (src/services/plan.service.ts, which the dashboard cannot import): checked here first. */
export const MAX_PLAN_WEEKS = 16;
export const MAX_GOAL_KM = 300;

export const KIND_LABEL: Record<SessionKind, string> = {
  run: 'Run',
  cross: 'Cross-training',
  strength: 'Strength',
  rest: 'Rest',
};

/**
 * Plan notes are written by the server in km ("about 10.2 km (ceiling 26.4 km…)"). For a runner in miles the
 * figures are converted in place, rounded down like every ceiling so a note never invites a longer run.
 */
export function noteInUnits(note: string, units: DistanceUnits): string {
  if (units === 'km') return note;
  return note.replace(/(\d+(?:\.\d+)?) km\b/g, (_, km: string) =>
    formatDistance(unitsToMetres(Number(km), 'km'), units, { roundDown: true }),
  );
}

/** A weekly goal typed in the runner's units, as km for the API (two decimals are plenty). */
export function goalToKm(value: number, units: DistanceUnits): number {
  return Math.round((unitsToMetres(value, units) / 1000) * 100) / 100;
}

/** The query string shared by the plan and its calendar download. */
export function planQuery(weeks: number, goalKm: number | null): string {
  const q = new URLSearchParams({ weeks: String(weeks) });
  if (goalKm !== null) q.set('goalKm', String(goalKm));
  return q.toString();
}
