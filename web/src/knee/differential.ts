/**
 * The differential a person reads: the engine's own `differential` when the assessment has one, else (an
 * assessment saved before the field existed) the same list rebuilt from `mustNotMiss` and `conditions`, so an
 * old check reads like a new one: what must be ruled out first, then the likely conditions.
 */
import { MUST_NOT_MISS_NAMES } from '../../../src/domain/assessment/advice.text.ts';
import type { Assessment, DifferentialEntry } from '../types/assessment.ts';
import { isUrgentTier } from './urgency-tiers.ts';

/** The band for a danger the engine names without a number. */
export const MUST_CHECK_BAND = 'must be checked';

/** The engine's bands (src/domain/assessment/differential.ts), for old results that carry no band. */
export function bandOf(p: number | null): string {
  if (p === null) return MUST_CHECK_BAND;
  if (p >= 0.6) return 'very likely';
  if (p >= 0.3) return 'likely';
  if (p >= 0.1) return 'possible';
  return 'less likely';
}

export function differentialOf(result: Assessment): DifferentialEntry[] {
  if (Array.isArray(result.differential)) return result.differential;
  const dangers = result.mustNotMiss ?? [];
  const afterUrgent = isUrgentTier(result.urgency) && dangers.length > 0;
  return [
    ...dangers.map(
      (d): DifferentialEntry => ({
        id: d.id,
        name: (MUST_NOT_MISS_NAMES as Record<string, string>)[d.id] ?? d.id,
        kind: 'must-not-miss',
        likelihood: null,
        reasons: [d.reason],
        band: MUST_CHECK_BAND,
        afterUrgentExcluded: false,
      }),
    ),
    ...(result.conditions ?? []).map(
      (c): DifferentialEntry => ({
        id: c.id,
        name: c.name,
        kind: 'likely',
        likelihood: c.likelihood,
        reasons: [...c.reasons],
        band: bandOf(c.likelihood),
        afterUrgentExcluded: afterUrgent,
      }),
    ),
  ];
}

/** "35 %", or "under 1 %" for a sliver: a rounded 0 would read as "impossible". */
export function percentText(p: number): string {
  const percent = Math.round(p * 100);
  return percent < 1 ? 'under 1 %' : `${percent} %`;
}

/** What a person reads beside the name: "likely · 35 %", or the band alone when there is no number. */
export function likelihoodText(entry: DifferentialEntry): string {
  return entry.likelihood === null ? entry.band : `${entry.band} · ${percentText(entry.likelihood)}`;
}
