/**
 * One pain journal entry → one Observation of pain severity on the 0–10 numeric rating scale (LOINC 72514-3).
 * The journal asks for up to three scores (during the run, after it, the next morning); the Observation's
 * value is the worst of those given, and each given score is a component saying when it was felt. The
 * components are named in words rather than with 72514-3 again: FHIR's obs-7 forbids a value on the
 * Observation when a component repeats its code, and the value is what most readers look at.
 */
import type { CodeableConcept, Observation, ObservationComponent } from 'fhir/r4.js';
import type { PainSide } from '../journal/pain-entry.ts';
import { DATA_ABSENT, LOINC, OBSERVATION_CATEGORY, SNOMED, UCUM } from './fhir-codes.ts';
import type { FhirPainEntry } from './fhir-export.input.ts';
import { concept, dateTimeAt, demoMeta, type FhirIds, quantity } from './fhir-values.ts';

const REGION_WORDS: Record<string, string> = {
  anterior: 'front, around the kneecap',
  'inferior-patellar': 'just below the kneecap',
  lateral: 'outer side',
  medial: 'inner side',
  posterior: 'behind the knee',
  diffuse: 'all over',
};

function bodySite(side: PainSide | null, regions: readonly string[]): CodeableConcept {
  const where = regions.map((r) => REGION_WORDS[r] ?? r).join(', ');
  const knee =
    side === 'left' ? 'Left knee' : side === 'right' ? 'Right knee' : side === 'both' ? 'Both knees' : 'Knee';
  const text = where === '' ? knee : `${knee}: ${where}`;
  if (side === 'left') return concept(SNOMED.leftKnee, text);
  if (side === 'right') return concept(SNOMED.rightKnee, text);
  return concept(SNOMED.knee, text);
}

export function painObservation(entry: FhirPainEntry, patientId: string, ids: FhirIds): Observation {
  const scores: [string, number | null][] = [
    ['Pain during the run', entry.painDuring],
    ['Pain after the run', entry.painAfter],
    ['Pain the next morning', entry.painNextMorning],
  ];
  const given = scores.filter((s): s is [string, number] => s[1] !== null);
  const components: ObservationComponent[] = given.map(([text, score]) => ({
    code: { text },
    valueQuantity: quantity(score, UCUM.score),
  }));
  if (entry.swelling !== null) components.push({ code: { text: 'Swelling' }, valueString: entry.swelling });
  if (entry.onset !== null) components.push({ code: { text: 'Onset' }, valueString: entry.onset });
  const worst = given.length === 0 ? null : Math.max(...given.map(([, s]) => s));
  const patient = ids.reference(patientId);
  return {
    resourceType: 'Observation',
    id: ids.uuid(entry.id),
    ...demoMeta(entry.isDemo),
    identifier: ids.identifiers(entry.id),
    status: 'final',
    category: [concept(OBSERVATION_CATEGORY.survey)],
    code: concept(LOINC.painSeverity, 'Knee pain (worst score of the entry, 0–10)'),
    subject: patient,
    effectiveDateTime: dateTimeAt(entry.occurredAt, entry.utcOffsetS),
    issued: entry.createdAt,
    performer: [patient],
    ...(worst === null
      ? { dataAbsentReason: concept(DATA_ABSENT.unknown) }
      : { valueQuantity: quantity(worst, UCUM.score) }),
    bodySite: bodySite(entry.side, entry.regions),
    ...(components.length > 0 ? { component: components } : {}),
    ...(entry.note !== null && entry.note.trim() !== '' ? { note: [{ text: entry.note }] } : {}),
  };
}
