/** The assessment output of ../shared/spec/assessment.md, plus the extra fields the spec allows. */
import type { AnswerKey } from './answer-keys.ts';
import type { ConditionId } from './condition.types.ts';
import type { MustNotMissId, Urgency } from './urgency.types.ts';

export interface AssessedCondition {
  id: ConditionId;
  name: string;
  likelihood: number;
  reasons: string[];
  /** Extra: the answer keys behind the reasons, strongest first. */
  drivers: { keys: string[]; effect: 'for' | 'against'; lr: number }[];
  description: string;
  management: string;
  recovery: string;
}

/** Plain-language band shown next to a likelihood, so "0.23" reads as something a person understands. */
export type LikelihoodBand =
  | 'very likely'
  | 'likely'
  | 'possible'
  | 'less likely'
  | 'must be checked'
  | 'not ruled out yet';

/** One line of the spec's `differential`: what must be ruled out first, then the likely conditions. */
export interface DifferentialEntry {
  id: ConditionId | MustNotMissId;
  name: string;
  kind: 'must-not-miss' | 'likely';
  /** Calibrated probability, or null where the engine gives no number (a danger flagged by a rule). */
  likelihood: number | null;
  reasons: string[];
  /** Extra: the band a person reads beside the number. */
  band: LikelihoodBand;
  /** Extra: shown as "once the urgent cause is excluded" when an urgent or emergency tier leads. */
  afterUrgentExcluded: boolean;
  /**
   * Extra: a danger nothing in the answers points to, listed only because a red-flag question is unanswered.
   * These come last, after the likely conditions; answering the screen removes them.
   */
  openQuestion: boolean;
}

export interface Assessment {
  urgency: Urgency;
  urgencyReasons: string[];
  conditions: AssessedCondition[];
  mustNotMiss: { id: MustNotMissId; reason: string }[];
  ottawa: { applies: boolean; positive: boolean; criteriaMet: string[] };
  differential: DifferentialEntry[];
  nextSteps: string[];
  sources: string[];
  // ---- extras ----
  disclaimer: string;
  headline: string;
  /** Each urgency reason with the rule and answer keys behind it. */
  urgencyDrivers: { rule: string; tier: Urgency; keys: AnswerKey[]; reason: string }[];
  /** Red-flag questions left unanswered: these dangers are not ruled out. */
  notRuledOut: { concern: string; keys: AnswerKey[]; reason: string }[];
  /** For self-care: when to get help. Empty for other tiers. */
  getHelpWhen: string[];
  trainingEvidence: {
    used: boolean;
    summary: string[];
    effects: { id: string; text: string; raises: ConditionId[] }[];
  };
  ottawaCriteriaUnknown: string[];
  questionsAsked?: number;
  /** Few answers point anywhere: the likelihoods are kept wide and these questions would help most. */
  historyIsThin: boolean;
  wouldHelp: string[];
  engineVersion: string;
}
