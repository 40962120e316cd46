/**
 * The words on each planned session. Kept apart from the arithmetic so the generator reads as rules. Distances
 * are in the runner's units, with the one rounding every plan figure uses (plan-distance.ts); the pain rules
 * are the one model's sentences (pain-monitoring.ts).
 */
import type { DistanceUnits } from '../units.ts';
import { PAIN_TEXT } from './pain-monitoring.ts';
import { formatPlanDistance } from './plan-distance.ts';
import { describePhase, type Programme, type ProgrammePhase } from './programme.ts';
import type { WalkRunLevel } from './return-to-run.ts';

export const PAIN_CHECK = PAIN_TEXT.beforeRun;

export function easyRunNote(
  distanceM: number,
  ceilingM: number | null,
  long: boolean,
  units: DistanceUnits,
): string {
  const what = long ? 'Longest run of the week, easy pace' : 'Easy run, conversational pace';
  const d = (m: number) => formatPlanDistance(m, units);
  const ceiling = ceilingM === null ? '' : ` (ceiling ${d(ceilingM)}: do not go further)`;
  return `${what}: about ${d(distanceM)}${ceiling}. ${PAIN_CHECK}`;
}

/**
 * A walk-run session ends at its own distance (or when its time is up): the 10 % ceiling is far above a
 * walk-run level for most runners and is no stopping point; when it is lower, the distance already obeys it.
 */
export function walkRunNote(level: WalkRunLevel, distanceM: number, units: DistanceUnits): string {
  return (
    `Walk-run level ${level.level}: walk 5 min, then ${level.description} on level ground. ` +
    `Stop at ${formatPlanDistance(distanceM, units)} or when the time is up, whichever comes first. ` +
    PAIN_TEXT.moveUp
  );
}

export function protectNote(): string {
  return 'No running for the first days after a flare: protect the knee, keep moving gently, cross-train without pain.';
}

export function strengthTitle(programme: Programme, phase: ProgrammePhase, maintenance: boolean): string {
  return `${programme.name}: ${phase.name}${maintenance ? ' (maintenance)' : ''}`;
}

export function strengthNote(programme: Programme, phase: ProgrammePhase, maintenance: boolean): string {
  return (
    `${strengthTitle(programme, phase, maintenance)}. ${describePhase(phase).join('; ')}. ` +
    PAIN_TEXT.exercises
  );
}

export function restNote(): string {
  return 'Rest day: no running. An easy walk or gentle stretching is fine.';
}

export function lighterWeekNote(): string {
  return 'Lighter week: about 20 % less running so the last three weeks can sink in.';
}
