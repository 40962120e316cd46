/**
 * Scores the engine the way ../shared/eval/README.md describes, as a person would read the result:
 * - "as stated": the case's answers exactly; under-triage, same-day care missed and must-not-miss recall;
 * - "screened": the red-flag screen answered "no" wherever the case is silent (what the questionnaire
 *   collects in practice); urgency exactness, over-triage and top-1/top-3 of the differential.
 * Calibration: a one-vs-rest Brier score over the differential's likelihoods, and a reliability table
 * (shown at about p → right about p of the time).
 */
import type { Answers } from '../../src/domain/assessment/answers.schema.ts';
import { assessKnee } from '../../src/domain/assessment/assess.engine.ts';
import type { Assessment } from '../../src/domain/assessment/assessment.types.ts';
import { simulateQuestionnaire } from '../../src/domain/assessment/questionnaire.ts';
import { urgencyRank } from '../../src/domain/assessment/urgency.types.ts';
import type { EvalCase } from './case-sets.ts';

/** How a person without those problems answers the screen the questionnaire always asks. */
export function screened(a: Answers): Answers {
  const out: Record<string, unknown> = {
    trauma: false,
    fever: false,
    calfSwelling: false,
    calfPain: false,
    canBearWeight: true,
    lockedNow: false,
    nightPain: false,
    painAtRest: false,
  };
  // "Not red or hot": keep the three warmth/redness keys consistent with whatever the case states.
  if (a.redHotJoint !== true) {
    out.kneeWarm = false;
    out.kneeRed = false;
  }
  if (a.kneeWarm !== true && a.kneeRed !== true) out.redHotJoint = false;
  return { ...out, ...a } as Answers;
}

export interface CaseOutcome {
  id: string;
  set: string;
  expectedUrgency: string;
  statedUrgency: string;
  screenedUrgency: string;
  differential: string[];
  expectedFirst: string;
  rank: number | null;
  missedMustNotMiss: string[];
  questions: number;
  questionnaireUrgency: string;
}

export interface CaseMetrics {
  cases: number;
  sameDayMissed: number;
  underTriage: number;
  underTriageScreened: number;
  urgencyExactScreened: number;
  urgencyExactStated: number;
  overTriageSelfCare: number;
  selfCareCases: number;
  top1: number;
  top3: number;
  top1Stated: number;
  top3Stated: number;
  mustNotMissRecall: number;
  mustNotMissExpected: number;
  brier: number;
  reliability: { band: string; shown: number; right: number }[];
  meanQuestions: number;
  questionnaireUnderTriage: number;
  outcomes: CaseOutcome[];
}

const BANDS = [
  [0, 0.1],
  [0.1, 0.3],
  [0.3, 0.6],
  [0.6, 1.01],
] as const;

const sameDay = (u: string) => u === 'urgent' || u === 'emergency';

function rankOf(a: Assessment, id: string): number | null {
  const i = a.differential.findIndex((d) => d.id === id);
  return i < 0 ? null : i + 1;
}

export function scoreCases(cases: readonly EvalCase[], opts: { questionnaire?: boolean } = {}): CaseMetrics {
  let sameDayMissed = 0;
  let under = 0;
  let underScreened = 0;
  let exactScreened = 0;
  let exactStated = 0;
  let selfCare = 0;
  let overSelfCare = 0;
  let top1 = 0;
  let top3 = 0;
  let top1Stated = 0;
  let top3Stated = 0;
  let mnmExpected = 0;
  let mnmFound = 0;
  let brierSum = 0;
  let brierN = 0;
  let questions = 0;
  let qUnder = 0;
  const rel = BANDS.map(([lo, hi]) => ({
    band: `${lo * 100}–${Math.min(100, hi * 100)} %`,
    shown: 0,
    right: 0,
  }));
  const outcomes: CaseOutcome[] = [];

  for (const c of cases) {
    const stated = assessKnee(c.answers);
    const scr = assessKnee(screened(c.answers));
    const exp = c.expected.urgency;
    const dStated = urgencyRank(stated.urgency) - urgencyRank(exp);
    const dScreened = urgencyRank(scr.urgency) - urgencyRank(exp);
    if (dStated < 0) under++;
    if (dStated === 0) exactStated++;
    if (dScreened < 0) underScreened++;
    if (sameDay(exp) && !sameDay(stated.urgency)) sameDayMissed++;
    if (dScreened === 0) exactScreened++;
    if (exp === 'self-care') {
      selfCare++;
      if (dScreened > 0) overSelfCare++;
    }
    const first = c.expected.likelyConditions[0] ?? '';
    const rank = rankOf(scr, first);
    if (rank === 1) top1++;
    if (rank !== null && rank <= 3) top3++;
    const rankStated = rankOf(stated, first);
    if (rankStated === 1) top1Stated++;
    if (rankStated !== null && rankStated <= 3) top3Stated++;
    const ids = new Set(stated.differential.map((d) => d.id as string));
    const missed = c.expected.mustNotMiss.filter((id) => !ids.has(id));
    mnmExpected += c.expected.mustNotMiss.length;
    mnmFound += c.expected.mustNotMiss.length - missed.length;
    for (const d of scr.differential) {
      if (d.likelihood === null) continue;
      const y = d.id === first ? 1 : 0;
      brierSum += (d.likelihood - y) ** 2;
      brierN++;
      const b = rel[BANDS.findIndex(([lo, hi]) => d.likelihood! >= lo && d.likelihood! < hi)];
      if (b) {
        b.shown++;
        b.right += y;
      }
    }
    let asked = 0;
    let qUrgency = '';
    if (opts.questionnaire !== false) {
      const sim = simulateQuestionnaire(screened(c.answers) as Partial<Answers>);
      asked = sim.asked.length;
      qUrgency = sim.assessment.urgency;
      questions += asked;
      if (urgencyRank(sim.assessment.urgency) < urgencyRank(exp)) qUnder++;
    }
    outcomes.push({
      id: c.id,
      set: c.set,
      expectedUrgency: exp,
      statedUrgency: stated.urgency,
      screenedUrgency: scr.urgency,
      differential: scr.differential.map((d) => d.id),
      expectedFirst: first,
      rank,
      missedMustNotMiss: missed,
      questions: asked,
      questionnaireUrgency: qUrgency,
    });
  }
  const n = cases.length || 1;
  return {
    cases: cases.length,
    sameDayMissed,
    underTriage: under,
    underTriageScreened: underScreened,
    urgencyExactScreened: exactScreened / n,
    urgencyExactStated: exactStated / n,
    overTriageSelfCare: selfCare ? overSelfCare / selfCare : 0,
    selfCareCases: selfCare,
    top1: top1 / n,
    top3: top3 / n,
    top1Stated: top1Stated / n,
    top3Stated: top3Stated / n,
    mustNotMissRecall: mnmExpected ? mnmFound / mnmExpected : 1,
    mustNotMissExpected: mnmExpected,
    brier: brierN ? brierSum / brierN : 0,
    reliability: rel,
    meanQuestions: questions / n,
    questionnaireUnderTriage: qUnder,
    outcomes,
  };
}
