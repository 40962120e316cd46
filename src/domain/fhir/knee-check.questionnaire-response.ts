/**
 * One knee check → one QuestionnaireResponse: an item per answer given (linkId = our answer key, text = the
 * question as the runner saw it), then a `result` group with what kneewise concluded: the urgency tier, its
 * headline and the differential in reading order. The result travels as items rather than an extension so
 * any FHIR reader shows it without knowing our profile; its text says it is education and triage.
 */
import type {
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4.js';
import { isAnswerKey } from '../assessment/answer-keys.ts';
import { QUESTIONS } from '../assessment/questions.catalog.ts';
import type { FhirKneeCheck } from './fhir-export.input.ts';
import { demoMeta, type FhirIds } from './fhir-values.ts';

function answerValues(value: unknown, key: string): QuestionnaireResponseItemAnswer[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => {
    if (typeof v === 'boolean') return { valueBoolean: v };
    if (typeof v === 'number') return Number.isInteger(v) ? { valueInteger: v } : { valueDecimal: v };
    if (typeof v === 'string') return { valueString: v };
    throw new Error(
      `knee check answer "${key}": expected true/false, a number or text, got ${JSON.stringify(v)}`,
    );
  });
}

function answerItems(answers: Record<string, unknown>): QuestionnaireResponseItem[] {
  return Object.entries(answers)
    .filter(
      ([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0),
    )
    .map(([key, value]) => ({
      linkId: key,
      ...(isAnswerKey(key) ? { text: QUESTIONS[key].text } : {}),
      answer: answerValues(value, key),
    }));
}

/** A text answer; none when the value is empty (an old saved result may lack it; FHIR has no empty strings). */
function text(linkId: string, label: string, value: string): QuestionnaireResponseItem[] {
  return value.trim() === '' ? [] : [{ linkId, text: label, answer: [{ valueString: value }] }];
}

function resultItem(result: FhirKneeCheck['result']): QuestionnaireResponseItem {
  const differential: QuestionnaireResponseItem[] = result.differential.map((entry, index) => ({
    linkId: `result.differential.${index + 1}`,
    text: entry.name,
    item: [
      ...text(`result.differential.${index + 1}.id`, 'Condition id', entry.id),
      ...text(`result.differential.${index + 1}.kind`, 'Kind', entry.kind),
      ...text(`result.differential.${index + 1}.band`, 'How likely, in words', entry.band),
      ...(entry.likelihood === null
        ? []
        : [
            {
              linkId: `result.differential.${index + 1}.likelihood`,
              text: 'Likelihood (0–1)',
              answer: [{ valueDecimal: entry.likelihood }],
            },
          ]),
      ...(entry.reasons.length === 0
        ? []
        : [
            {
              linkId: `result.differential.${index + 1}.reasons`,
              text: 'Why',
              answer: entry.reasons.map((r) => ({ valueString: r })),
            },
          ]),
    ],
  }));
  return {
    linkId: 'result',
    text: 'What kneewise concluded (education and triage, not a diagnosis)',
    item: [
      ...text('result.disclaimer', 'Notice', result.disclaimer),
      ...text('result.urgency', 'Urgency tier (self-care, soon, urgent, emergency)', result.urgency),
      ...text('result.headline', 'Headline', result.headline),
      ...text('result.engineVersion', 'Engine version', result.engineVersion),
      ...(differential.length === 0
        ? []
        : [{ linkId: 'result.differential', text: 'Differential, in reading order', item: differential }]),
    ],
  };
}

export function kneeCheckResponse(
  check: FhirKneeCheck,
  patientId: string,
  ids: FhirIds,
): QuestionnaireResponse {
  const patient = ids.reference(patientId);
  return {
    resourceType: 'QuestionnaireResponse',
    id: ids.uuid(check.id),
    ...demoMeta(check.isDemo),
    identifier: ids.identifiers(check.id).at(-1)!,
    status: 'completed',
    subject: patient,
    authored: check.createdAt,
    author: patient,
    source: patient,
    item: [...answerItems(check.answers), resultItem(check.result)],
  };
}
