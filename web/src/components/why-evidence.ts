/**
 * How much each factor's evidence is worth, in plain words for the Why screen. The wording summarises the
 * catalogue in src/domain/causes/factor-catalog.ts (which holds the full evidence text and sources): a
 * 5,205-runner cohort is not a lab study, and a lab study is not coaching convention.
 */
import type { FactorId, Strength } from '../types/why.ts';

export const FACTOR_EVIDENCE_LEVEL: Readonly<Record<FactorId, string>> = {
  session_spike: 'Strongest evidence: large runner cohort',
  weekly_progression: 'Mixed evidence',
  return_after_break: 'Moderate evidence: reviews',
  descent_increase: 'Lab evidence',
  pace_increase: 'Clinical experience',
  cadence_drop: 'Lab evidence',
  shoe_mileage: 'Folk wisdom: no injury trial',
  new_shoes: 'Weak evidence',
  surface_change: 'Weak evidence',
  few_rest_days: 'Coaching convention',
  long_run_share: 'Coaching convention',
};

/** The badge text of a factor's strength for this runner (evidence × how far their numbers moved). */
export const STRENGTH_TEXT: Readonly<Record<Strength, string>> = {
  strong: 'Strong',
  moderate: 'Moderate',
  weak: 'Weak',
  none: 'Not found',
};
