/**
 * A flag is one observation about the last weeks, in plain words, with the runner's number, the threshold
 * it was compared with, what the evidence says and where that comes from.
 * Severity: `high` and `moderate` are risk signals with study support; `info` is worth knowing with weak or
 * no risk evidence (including the popular 10 % rule); `context` is never a warning (ACWR).
 */
export type FlagSeverity = 'high' | 'moderate' | 'info' | 'context';

export type LoadFlagId =
  | 'session_spike'
  | 'return_after_break'
  | 'weekly_progression'
  | 'ten_percent_rule'
  | 'descent_increase'
  | 'cadence_drop'
  | 'few_rest_days'
  | 'monotony'
  | 'acwr';

export interface LoadFlag {
  id: LoadFlagId;
  severity: FlagSeverity;
  /** Local date the observation is about (the run's day, the week's start, or asOf). */
  date: string;
  value: number;
  threshold: number;
  /** Unit of `value` and `threshold`. */
  unit: '%' | 'days' | 'ratio';
  activityId: string | null;
  /** The runner's own numbers behind the message (metres, spm…), so a UI can re-render them in miles. */
  measures: Readonly<Record<string, number | null>>;
  /** Plain words, with the number, the threshold and a short citation; distances in km. */
  message: string;
  evidence: string;
  source: string;
}

export const SEVERITY_RANK: Readonly<Record<FlagSeverity, number>> = {
  high: 0,
  moderate: 1,
  info: 2,
  context: 3,
};

/** Most severe first, then newest, then by id and activity so equal flags have one order. */
export function compareFlags(a: LoadFlag, b: LoadFlag): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ax = a.activityId ?? '';
  const bx = b.activityId ?? '';
  return ax < bx ? -1 : ax > bx ? 1 : 0;
}
