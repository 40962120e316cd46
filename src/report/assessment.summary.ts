/**
 * A saved assessment (answers + result JSON, ../shared/spec/assessment.md) as the report shows it: urgency,
 * conditions, the red-flag screen with each question's answer (yes / no / not answered / not asked — "don't
 * know" is never shown as "no"), and what provokes the pain.
 */
import { ANSWER_KEYS } from '../domain/assessment/answer-keys.ts';
import { type DistanceUnits, formatDistance } from '../domain/units.ts';
import type { AssessmentSummary, DifferentialItem, RedFlagAnswer } from './report-data.ts';

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

/**
 * Screen questions the questionnaire always asks: missing means the runner left them as "don't know". The
 * others are asked only when something points to them (chest pain after a swollen calf…), so missing means
 * the questionnaire never asked. The engine's `notRuledOut` names the unanswered ones for newer rows.
 */
const ALWAYS_ASKED = new Set([
  'trauma',
  'redHotJoint',
  'fever',
  'temperatureC',
  'calfSwelling',
  'calfPain',
  'canBearWeight',
  'lockedNow',
  'nightPain',
  'painAtRest',
]);

function unansweredKeys(result: Record<string, unknown>): Set<string> {
  const gaps = Array.isArray(result.notRuledOut) ? (result.notRuledOut as Record<string, unknown>[]) : [];
  return new Set(gaps.flatMap((g) => strings(g.keys)));
}

function redFlagAnswer(
  answers: Record<string, unknown>,
  keys: readonly string[],
  question: string,
  unanswered: ReadonlySet<string>,
): RedFlagAnswer {
  const values = keys.map((k) => answers[k]).filter((v) => v !== undefined && v !== null);
  if (values.length === 0) {
    const skipped = keys.some((k) => ALWAYS_ASKED.has(k) || unanswered.has(k));
    return { question, answer: skipped ? 'not answered' : 'not asked' };
  }
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

export function worseWith(answers: Record<string, unknown>, units: DistanceUnits = 'km'): string[] {
  const out = PROVOKERS.filter(([key]) => answers[key] === true).map(([, words]) => words);
  if (typeof answers.painStartsAfterKm === 'number')
    out.push(`running beyond about ${formatDistance(answers.painStartsAfterKm * 1000, units)}`);
  if (answers.warmsUp === true) out.push('(eases once warmed up, returns after)');
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The engine's answer keys in parentheses ("(sittingPain)", "(training)") are ours, not the reader's. */
const KEY_NAMES = new Set([...Object.keys(ANSWER_KEYS), 'training']);
const PAREN = /\s*\(([A-Za-z0-9_, ]+)\)/gu;

export function withoutAnswerKeys(text: string): string {
  return text
    .replace(PAREN, (whole, inner: string) =>
      inner.split(/,\s*/u).every((k) => KEY_NAMES.has(k.trim())) ? '' : whole,
    )
    .replace(/\s+([.;,])/gu, '$1')
    .trim();
}

function plainStrings(value: unknown): string[] {
  return strings(value).map(withoutAnswerKeys);
}

function differential(result: Record<string, unknown>): DifferentialItem[] {
  const list = Array.isArray(result.differential) ? (result.differential as Record<string, unknown>[]) : [];
  return list.map((d) => ({
    name: String(d.name ?? d.id ?? ''),
    kind: d.kind === 'must-not-miss' ? 'must-not-miss' : 'likely',
    likelihood: typeof d.likelihood === 'number' ? d.likelihood : null,
    band: typeof d.band === 'string' ? d.band : null,
    reasons: plainStrings(d.reasons),
    openQuestion: d.openQuestion === true,
  }));
}

/**
 * The reasons of the rules that set the tier, as the dashboard's result shows them: a lower-tier rule's
 * "needs checking today" under "Emergency — emergency department now" would contradict it (issue 13). A
 * check saved before the drivers existed keeps all its reasons.
 */
function reasonsAtTier(result: Record<string, unknown>): string[] {
  const drivers = Array.isArray(result.urgencyDrivers)
    ? (result.urgencyDrivers as Record<string, unknown>[])
    : [];
  const leading = drivers.filter((d) => d.tier === result.urgency && typeof d.reason === 'string');
  return leading.length === 0
    ? plainStrings(result.urgencyReasons)
    : unique(plainStrings(leading.map((d) => d.reason)));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function assessmentSummary(saved: SavedAssessment): AssessmentSummary {
  const r = saved.result;
  const conditions = Array.isArray(r.conditions) ? (r.conditions as Record<string, unknown>[]) : [];
  const mustNotMiss = Array.isArray(r.mustNotMiss) ? (r.mustNotMiss as Record<string, unknown>[]) : [];
  const ottawa = (r.ottawa ?? {}) as Record<string, unknown>;
  const notRuledOut = Array.isArray(r.notRuledOut) ? (r.notRuledOut as Record<string, unknown>[]) : [];
  const unanswered = unansweredKeys(r);
  return {
    date: saved.createdAt.slice(0, 10),
    urgency: String(r.urgency ?? 'unknown'),
    headline: typeof r.headline === 'string' ? r.headline : null,
    urgencyReasons: reasonsAtTier(r),
    conditions: conditions.map((c) => ({
      name: String(c.name ?? c.id ?? ''),
      likelihood: Number(c.likelihood ?? 0),
      reasons: plainStrings(c.reasons),
    })),
    mustNotMiss: mustNotMiss.map((m) => ({
      id: String(m.id ?? ''),
      reason: withoutAnswerKeys(String(m.reason ?? '')),
    })),
    differential: differential(r),
    redFlags: RED_FLAGS.map((f) => redFlagAnswer(saved.answers, f.keys, f.question, unanswered)),
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
