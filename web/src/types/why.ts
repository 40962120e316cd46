/**
 * GET /api/why (`kneewise why --json`, src/services/why.service.ts WhyReport) and GET /api/pain, which the
 * onset picker groups into episodes. Domain types are imported as types only.
 */
import type { Strength, WhyResult } from '../../../src/domain/causes/cause-analysis.ts';
import type { JournalCorrelations } from '../../../src/domain/causes/journal-correlations.ts';
import type { PainEntry } from '../../../src/domain/journal/pain-entry.ts';
import type { PainEpisode } from '../../../src/domain/journal/pain-episodes.ts';

export type { Strength, WhyFactor } from '../../../src/domain/causes/cause-analysis.ts';
export type { FactorId } from '../../../src/domain/causes/factor-catalog.ts';
export type { JournalCorrelation } from '../../../src/domain/causes/journal-correlations.ts';
export type { PainEpisode } from '../../../src/domain/journal/pain-episodes.ts';

export interface WhyReport extends WhyResult {
  /** The journal episode explained, when the onset came from (or falls inside) one. */
  episode: PainEpisode | null;
  journal: JournalCorrelations;
}

/** GET /api/pain */
export interface PainList {
  entries: PainEntry[];
}

export const STRENGTHS: readonly Strength[] = ['strong', 'moderate', 'weak', 'none'];
