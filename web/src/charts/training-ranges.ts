/**
 * The Training screen's time ranges and the request each one makes. Its own small module: the entry bundle
 * reads it to start the first range's request at boot, without the chart code.
 */
export type TrainingRangeId = '12w' | '6m' | '1y' | 'all';

export const TRAINING_RANGES: readonly { id: TrainingRangeId; label: string; days: number | null }[] = [
  { id: '12w', label: '12 weeks', days: 84 },
  { id: '6m', label: '6 months', days: 183 },
  { id: '1y', label: '1 year', days: 365 },
  { id: 'all', label: 'All', days: null },
];

export const DEFAULT_TRAINING_RANGE: TrainingRangeId = '12w';

/**
 * A range's report: cut on the server to the days drawn (GET /api/load/range, a ten-year history's 12 weeks
 * are ~1/30 of the whole report), or the whole report for "All".
 */
export function trainingLoadPath(range: TrainingRangeId): string {
  const days = TRAINING_RANGES.find((r) => r.id === range)?.days ?? null;
  return days === null ? '/load' : `/load/range?days=${days}`;
}
