/**
 * A saved assessment (answers + result JSON, ../shared/spec/assessment.md) as the report shows it: urgency,
 * conditions, the red-flag screen with each question's answer (yes / no / not answered — "don't know" is
 * never shown as "no"), and what provokes the pain.
 */
import type { AssessmentSummary, RedFlagAnswer } from './report-data.ts';

export interface SavedAssessment {
  createdAt: string;
  answers: Record<string, unknown>;
  result: Record<string, unknown>;
}

// The screen a clinician checks first, in our own words. Keys are the spec's answer keys.
const RED_FLAGS: readonly { keys: string[]; question: string }[] = [
  { keys: ['trauma'], question: 'Started with a fall, twist or blow' },
  { keys: ['canBearWeight'], question: 'Cannot bear weight now' },
  { keys: ['lockedNow'], question: 'Knee locked, cannot straighten' },
  { keys: ['fever', 'temperatureC'], question: 'Fever' },
  { keys: ['redHotJoint'], question: 'Knee red and hot' },
  { keys: ['calfSwelling'], question: 'Calf swollen' },
  { keys: ['calfPain'], question: 'Calf painful' },
  { keys: ['breathless', 'chestPain'], question: 'Breathless or chest pain' },
  { keys: ['nightPain', 'painAtRest'], question: 'Night pain or pain at rest' },
  { keys: ['deformity', 'patellaDisplaced'], question: 'Visible deformity' },
  { keys: ['numbness', 'footColdOrNumb'], question: 'Numbness, or a cold foot' },
  { keys: ['givingWay'], question: 'Knee gives way' },
];

function redFlagAnswer(
  answers: Record<string, unknown>,
  keys: readonly string[],
  question: string,
): RedFlagAnswer {
  const values = keys.map((k) => answers[k]).filter((v) => v !== undefined && v !== null);
  if (values.length === 0) return { question, answer: 'not answered' };
  // "Cannot bear weight" is the one question phrased against its key: canBearWeight=false is the red flag.
  if (keys[0] === 'canBearWeight') return { question, answer: values[0] === false ? 'yes' : 'no' };
  if (keys[0] === 'fever') {
    const hot =
      answers.fever === true || (typeof answers.temperatureC === 'number' && answers.temperatureC >= 38);
    return { question, answer: hot ? 'yes' : 'no' };
  }
  return { question, answer: values.some((v) => v === true) ? 'yes' : 'no' };
}

const PROVOKERS: readonly [string, string][] = [
  ['stairsPain', 'stairs'],
  ['downhillPain', 'downhill running'],
  ['sittingPain', 'prolonged sitting'],
  ['squattingPain', 'squatting'],
  ['kneelingPain', 'kneeling'],
  ['jumpingPain', 'jumping'],
  ['hopPain', 'hopping'],
  ['twistingPain', 'twisting'],
  ['risingFromChairPain', 'rising from a chair'],
  ['prolongedStandingPain', 'prolonged standing'],
  ['crossLeggedPain', 'sitting cross-legged'],
  ['hyperextensionPain', 'straightening fully'],
];

export function worseWith(answers: Record<string, unknown>): string[] {
  const out = PROVOKERS.filter(([key]) => answers[key] === true).map(([, words]) => words);
  if (typeof answers.painStartsAfterKm === 'number')
    out.push(`running beyond about ${answers.painStartsAfterKm} km`);
  if (answers.warmsUp === true) out.push('(eases once warmed up, returns after)');
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function assessmentSummary(saved: SavedAssessment): AssessmentSummary {
  const r = saved.result;
  const conditions = Array.isArray(r.conditions) ? (r.conditions as Record<string, unknown>[]) : [];
  const mustNotMiss = Array.isArray(r.mustNotMiss) ? (r.mustNotMiss as Record<string, unknown>[]) : [];
  const ottawa = (r.ottawa ?? {}) as Record<string, unknown>;
  const notRuledOut = Array.isArray(r.notRuledOut) ? (r.notRuledOut as Record<string, unknown>[]) : [];
  return {
    date: saved.createdAt.slice(0, 10),
    urgency: String(r.urgency ?? 'unknown'),
    headline: typeof r.headline === 'string' ? r.headline : null,
    urgencyReasons: strings(r.urgencyReasons),
    conditions: conditions.map((c) => ({
      name: String(c.name ?? c.id ?? ''),
      likelihood: Number(c.likelihood ?? 0),
      reasons: strings(c.reasons),
    })),
    mustNotMiss: mustNotMiss.map((m) => ({ id: String(m.id ?? ''), reason: String(m.reason ?? '') })),
    redFlags: RED_FLAGS.map((f) => redFlagAnswer(saved.answers, f.keys, f.question)),
    ottawa: {
      applies: ottawa.applies === true,
      positive: ottawa.positive === true,
      criteriaMet: strings(ottawa.criteriaMet),
    },
    // The engine often repeats these gaps among the urgency reasons: show each sentence once.
    notRuledOut: notRuledOut
      .map((n) => String(n.reason ?? ''))
      .filter((s) => s !== '' && !strings(r.urgencyReasons).some((u) => u.startsWith(s))),
    sources: strings(r.sources),
  };
}
