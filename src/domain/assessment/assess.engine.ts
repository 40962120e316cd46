/**
 * The assessment engine: answers (+ optional training evidence) → the spec's assessment. Deterministic and
 * explainable. Order of authority:
 *   1. red-flag and urgency rules set a floor on the urgency (red flags always win over scoring);
 *   2. unanswered red-flag screen questions forbid `self-care` ("don't know" is not "no");
 *   3. a leading condition that needs examining (ligament, meniscus, bone stress…) lifts self-care to soon;
 *   4. otherwise self-care, with the point at which to get help.
 */
import { ADVICE_SOURCES, DISCLAIMER, GET_HELP_WHEN, NEXT_STEPS, TIER_HEADLINE } from './advice.text.ts';
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';
import type { AssessedCondition, Assessment } from './assessment.types.ts';
import { type ScoredCondition, scoreConditions } from './condition.scoring.ts';
import { conditionById } from './conditions.kb.ts';
import { CONSIDER_RULES } from './consider.rules.ts';
import { buildDifferential } from './differential.ts';
import { deriveFeatures } from './features.ts';
import { ottawaKneeRule } from './ottawa.rule.ts';
import { SOON_RULES } from './soon.rules.ts';
import { cite, type SourceId } from './sources.catalog.ts';
import { thinHistory } from './thin-history.ts';
import { type TrainingEvidence, trainingEffects } from './training-evidence.ts';
import { dangersLeftOpen, screenGaps } from './unanswered-screen.ts';
import { EMERGENCY_RULES, URGENT_RULES } from './urgency.rules.ts';
import { type MustNotMissId, type RuleContext, type Urgency, urgencyRank } from './urgency.types.ts';

export const ENGINE_VERSION = 'assess-1';

const ALL_RULES = [...EMERGENCY_RULES, ...URGENT_RULES, ...SOON_RULES];

/** A leading clinician-needed condition lifts self-care to soon only above this likelihood. */
const CLINICIAN_LEAD = 0.2;
const MIN_SHOWN = 3;
const MAX_SHOWN = 6;
const SHOW_ABOVE = 0.03;
const REASONS_PER_CONDITION = 4;

/** Yes/no answers where "no" is the worrying one. */
const NO_IS_CONCERNING = new Set<AnswerKey>([
  'canBearWeight',
  'canStraightLegRaise',
  'canFlex90',
  'couldWalk4StepsImmediately',
  'canWalk4StepsNow',
  'canFullyStraighten',
  'improving',
]);

/** Whether an answer is one a rule can fire on, so reasons cite only the answers that drove them. */
function concerning(key: AnswerKey, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') return true;
  return NO_IS_CONCERNING.has(key) ? value === false : value === true;
}

/** What the red-flag and urgency rules alone conclude: the tier floor and the dangers they raise. */
export function ruleFindings(answers: Partial<Answers>): { tier: Urgency; mustNotMiss: Set<MustNotMissId> } {
  const ctx: RuleContext = { a: answers, f: deriveFeatures(answers), ottawa: ottawaKneeRule(answers) };
  let tier: Urgency = 'self-care';
  const mustNotMiss = new Set<MustNotMissId>();
  for (const rule of ALL_RULES) {
    if (!rule.test(ctx)) continue;
    if (urgencyRank(rule.tier) > urgencyRank(tier)) tier = rule.tier;
    for (const id of typeof rule.mustNotMiss === 'function' ? rule.mustNotMiss(ctx) : rule.mustNotMiss)
      mustNotMiss.add(id);
  }
  return { tier, mustNotMiss };
}

/** The urgency floor set by the red-flag and urgency rules alone (the questionnaire, the advice). */
export function ruleUrgency(answers: Partial<Answers>): Urgency {
  return ruleFindings(answers).tier;
}

function toAssessed(s: ScoredCondition): AssessedCondition {
  const card = conditionById(s.id);
  // Reasons: the strongest contributions, and at least one pointing toward the condition when any exists.
  const top = s.contributions
    .filter((c) => Math.abs(Math.log(c.lr)) >= Math.log(1.4))
    .slice(0, REASONS_PER_CONDITION);
  return {
    id: s.id,
    name: card.name,
    likelihood: Math.round(s.probability * 1000) / 1000,
    reasons: top.map((c) => c.text),
    drivers: top.map((c) => ({
      keys: [...c.keys],
      effect: c.lr > 1 ? 'for' : 'against',
      lr: Math.round(c.lr * 100) / 100,
    })),
    description: card.description,
    management: card.management,
    recovery: card.recovery,
  };
}

export function assessKnee(answers: Answers, training?: TrainingEvidence): Assessment {
  const features = deriveFeatures(answers);
  const ottawa = ottawaKneeRule(answers);
  const ctx: RuleContext = { a: answers, f: features, ottawa };

  let urgency: Urgency = 'self-care';
  const drivers: Assessment['urgencyDrivers'] = [];
  // Each danger with the reason it was raised and how strongly: the highest tier that raised it, then how
  // many rules did, so the most pressing danger is read first.
  const mustNotMiss = new Map<MustNotMissId, { reason: string; weight: number }>();
  const sourceIds: SourceId[] = [];

  for (const rule of ALL_RULES) {
    if (!rule.test(ctx)) continue;
    if (urgencyRank(rule.tier) > urgencyRank(urgency)) urgency = rule.tier;
    const keys = [...new Set(rule.keysFor?.(ctx) ?? rule.keys.filter((k) => concerning(k, answers[k])))];
    drivers.push({ rule: rule.id, tier: rule.tier, keys, reason: rule.reason });
    const ids = typeof rule.mustNotMiss === 'function' ? rule.mustNotMiss(ctx) : rule.mustNotMiss;
    ids.forEach((id, order) => {
      const weight = urgencyRank(rule.tier) * 10 - order * 0.1;
      const seen = mustNotMiss.get(id);
      if (seen === undefined) mustNotMiss.set(id, { reason: rule.reason, weight });
      else seen.weight = Math.max(seen.weight, weight) + 1;
    });
    sourceIds.push(...rule.sources);
  }
  const alsoShow = new Set<string>();
  for (const rule of CONSIDER_RULES) {
    if (!rule.test(ctx)) continue;
    for (const id of rule.mustNotMiss)
      if (!mustNotMiss.has(id)) mustNotMiss.set(id, { reason: rule.reason, weight: -1 });
    for (const id of rule.alsoShow) alsoShow.add(id);
    sourceIds.push(...rule.sources);
  }
  if (ottawa.applies) sourceIds.push('stiell1995', 'bachmann2004');

  const gaps = screenGaps(answers, ottawa);
  const tierGaps = gaps.filter((g) => g.followUp !== true);
  if (tierGaps.length > 0 && urgency === 'self-care') {
    urgency = 'soon';
    // One driver for them all: a line per unanswered question would bury the verdict under ten of them.
    const reason = `Not answered yet: ${tierGaps.map((g) => g.what).join('; ')}. Until they are, we cannot rule out a problem that needs a doctor.`;
    drivers.push({
      rule: 'unanswered-screen',
      tier: 'soon',
      keys: [...new Set(tierGaps.flatMap((g) => g.keys))],
      reason,
    });
  }

  const effects = trainingEffects(training, answers, features);
  const scored = scoreConditions(features, answers.age, effects);
  for (const e of effects) sourceIds.push(e.source);

  const lead = scored[0];
  if (urgency === 'self-care' && lead !== undefined && lead.probability >= CLINICIAN_LEAD) {
    const card = conditionById(lead.id);
    if (card.needsClinician) {
      urgency = 'soon';
      const keys = [
        ...new Set(lead.contributions.filter((c) => c.lr > 1).flatMap((c): readonly string[] => c.keys)),
      ].filter((k): k is AnswerKey => k !== 'training');
      drivers.push({
        rule: 'condition-needs-examination',
        tier: 'soon',
        keys,
        reason: `Your answers fit ${card.name} best, which a doctor or physiotherapist should examine.`,
      });
    }
  }

  const shown = scored.filter(
    (s, i) => i < MIN_SHOWN || (i < MAX_SHOWN && s.probability >= SHOW_ABOVE) || alsoShow.has(s.id),
  );
  for (const s of shown.slice(0, MIN_SHOWN)) sourceIds.push(...conditionById(s.id).sources);
  sourceIds.push(...ADVICE_SOURCES);

  // Highest tier first, so the first reason explains the verdict.
  drivers.sort((a, b) => urgencyRank(b.tier) - urgencyRank(a.tier));
  const urgencyReasons =
    drivers.length > 0
      ? [...new Set(drivers.map((d) => d.reason))]
      : [
          'No red flags in your answers: no injury-type warning signs, no signs of infection, clot, locking or bone pain.',
        ];

  const raises = (lrs: Partial<Record<string, number>>) =>
    Object.entries(lrs)
      .filter(([, v]) => (v ?? 1) > 1)
      .map(([k]) => k) as Assessment['trainingEvidence']['effects'][number]['raises'];

  const conditions = shown.map(toAssessed);
  const thin = thinHistory(answers, features);
  const dangers = [...mustNotMiss]
    .sort((x, y) => y[1].weight - x[1].weight)
    .map(([id, m]) => ({ id, reason: m.reason }));
  // The dangers only an unanswered red-flag question leaves open (a thin history keeps the list wide).
  const leftOpen = dangersLeftOpen(gaps, answers).filter((d) => !mustNotMiss.has(d.id));
  return {
    urgency,
    urgencyReasons,
    conditions,
    mustNotMiss: [...dangers, ...leftOpen],
    differential: buildDifferential(
      urgency,
      dangers.map((d) => ({ ...d, likelihood: null })),
      conditions,
      leftOpen,
    ),
    ottawa: { applies: ottawa.applies, positive: ottawa.positive, criteriaMet: ottawa.criteriaMet },
    nextSteps: [...NEXT_STEPS[urgency]],
    sources: cite(sourceIds),
    disclaimer: DISCLAIMER,
    headline: TIER_HEADLINE[urgency],
    urgencyDrivers: drivers,
    historyIsThin: thin.thin,
    wouldHelp: thin.wouldHelp,
    notRuledOut: gaps.map((g) => ({ concern: g.concern, keys: g.keys, reason: g.reason })),
    getHelpWhen: urgency === 'self-care' ? [...GET_HELP_WHEN] : [],
    trainingEvidence: {
      used: effects.length > 0,
      summary: training?.summary ? [...training.summary] : [],
      effects: effects.map((e) => ({ id: e.id, text: `${e.text} (${e.origin})`, raises: raises(e.lrs) })),
    },
    ottawaCriteriaUnknown: ottawa.criteriaUnknown,
    engineVersion: ENGINE_VERSION,
  };
}
