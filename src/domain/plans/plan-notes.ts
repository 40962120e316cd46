/**
 * The words on each planned session. Kept apart from the arithmetic so the generator reads as rules.
 */
import { describePhase, type Programme, type ProgrammePhase } from './programme.ts';
import type { WalkRunLevel } from './return-to-run.ts';

const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

export const PAIN_CHECK =
  'Run only if yesterday stayed at or below 3/10 and this morning feels as usual; otherwise swap it for cross-training.';

export function easyRunNote(distanceM: number, ceilingM: number | null, long: boolean): string {
  const what = long ? 'Longest run of the week, easy pace' : 'Easy run, conversational pace';
  const ceiling = ceilingM === null ? '' : ` (ceiling ${km(ceilingM)}: do not go further)`;
  return `${what}: about ${km(distanceM)}${ceiling}. ${PAIN_CHECK}`;
}

export function walkRunNote(level: WalkRunLevel, distanceM: number, ceilingM: number | null): string {
  const limit =
    ceilingM === null
      ? 'No run in the past 30 days, so no longer baseline: keep to the time, not the distance.'
      : `Stop at ${km(ceilingM)} even if time remains.`;
  return (
    `Walk-run level ${level.level}: walk 5 min, then ${level.description} on level ground ` +
    `(about ${km(distanceM)}). ${limit} Move up after two sessions with pain at or below 3/10 that settled by the next morning.`
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
    'Pain up to 3/10 during the exercises is fine if it settles by the next morning; repeat the phase if not.'
  );
}

export function restNote(): string {
  return 'Rest day: no running. An easy walk or gentle stretching is fine.';
}

export function lighterWeekNote(): string {
  return 'Lighter week: about 20 % less running so the last three weeks can sink in.';
}
