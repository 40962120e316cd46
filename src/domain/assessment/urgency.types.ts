/** Vocabulary shared by the urgency rules, the engine and the advice text. */
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';
import type { FeatureSet } from './features.ts';
import type { OttawaResult } from './ottawa.rule.ts';
import type { SourceId } from './sources.catalog.ts';

export const URGENCY_TIERS = ['self-care', 'soon', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCY_TIERS)[number];

export function urgencyRank(u: Urgency): number {
  return URGENCY_TIERS.indexOf(u);
}

export const MUST_NOT_MISS_IDS = [
  'septic_arthritis',
  'septic_bursitis',
  'dvt',
  'pulmonary_embolism',
  'acute_fracture',
  'knee_dislocation',
  'patellar_dislocation',
  'extensor_mechanism_rupture',
  'locked_knee',
  'scfe',
  'bone_tumour',
  'crystal_arthritis',
  'osteochondritis_dissecans',
] as const;
export type MustNotMissId = (typeof MUST_NOT_MISS_IDS)[number];

export interface RuleContext {
  a: Partial<Answers>;
  f: FeatureSet;
  ottawa: OttawaResult;
}

export interface UrgencyRule {
  id: string;
  tier: Exclude<Urgency, 'self-care'>;
  /** Must-not-miss problems this rule raises (possibly depending on the answers). */
  mustNotMiss: readonly MustNotMissId[] | ((ctx: RuleContext) => readonly MustNotMissId[]);
  /** Answer keys the rule reads; those holding a concerning answer are reported with the reason. */
  keys: readonly AnswerKey[];
  /** The keys that actually drove it, when that depends on the answers (the Ottawa rule). */
  keysFor?: (ctx: RuleContext) => readonly AnswerKey[];
  test(ctx: RuleContext): boolean;
  /** Plain-language reason, tied to the answers. */
  reason: string;
  sources: readonly SourceId[];
}
