/**
 * The athlete's history as a FHIR R4 Bundle of type `collection`: the Patient first, then an Observation per
 * activity, an Observation per pain journal entry, a QuestionnaireResponse per knee check and a
 * DocumentReference per clinician report. Every entry is addressed by `urn:uuid:<id>` and every reference
 * points at one of those entries, so the Bundle stands alone (no server needed to resolve it).
 *
 * Pure: the caller passes the rows and the timestamp. Types are @types/fhir's R4 (`fhir/r4`), not STU3.
 */
import type { Bundle, BundleEntry, FhirResource, Patient } from 'fhir/r4.js';
import type { FhirAthlete, FhirExportInput } from './fhir-export.input.ts';
import { FhirIds } from './fhir-values.ts';
import { kneeCheckResponse } from './knee-check.questionnaire-response.ts';
import { painObservation } from './pain.observation.ts';
import { reportDocument } from './report.document-reference.ts';
import { runObservation } from './run.observation.ts';

export interface FhirBundleCounts {
  Patient: number;
  /** Activities (every sport the runner recorded). */
  runObservations: number;
  painObservations: number;
  QuestionnaireResponse: number;
  DocumentReference: number;
}

/** FHIR's administrative gender has no "other / prefer not to say" split: both read as `other`/`unknown`. */
function patient(athlete: FhirAthlete, ids: FhirIds): Patient {
  return {
    resourceType: 'Patient',
    id: ids.uuid(athlete.id),
    identifier: ids.identifiers(athlete.id),
    active: true,
    name: [{ text: athlete.name }],
    ...(athlete.sex === null ? {} : { gender: athlete.sex }),
    ...(athlete.birthYear === null ? {} : { birthDate: String(athlete.birthYear).padStart(4, '0') }),
  };
}

export function fhirBundle(input: FhirExportInput): { bundle: Bundle; counts: FhirBundleCounts } {
  if (Number.isNaN(Date.parse(input.generatedAt)) || !input.generatedAt.endsWith('Z'))
    throw new Error(`generatedAt: expected an ISO-8601 UTC instant, got "${input.generatedAt}"`);
  const ids = new FhirIds(input.nameBasedUuid);
  const athleteId = input.athlete.id;
  const resources: FhirResource[] = [
    patient(input.athlete, ids),
    ...input.runs.map((run) => runObservation(run, athleteId, ids)),
    ...input.painEntries.map((entry) => painObservation(entry, athleteId, ids)),
    ...input.kneeChecks.map((check) => kneeCheckResponse(check, athleteId, ids)),
    ...input.reports.map((report) => reportDocument(report, athleteId, input.generatedAt, ids)),
  ];
  const entry: BundleEntry[] = resources.map((resource) => ({
    fullUrl: `urn:uuid:${resource.id}`,
    resource,
  }));
  return {
    bundle: { resourceType: 'Bundle', type: 'collection', timestamp: input.generatedAt, entry },
    counts: {
      Patient: 1,
      runObservations: input.runs.length,
      painObservations: input.painEntries.length,
      QuestionnaireResponse: input.kneeChecks.length,
      DocumentReference: input.reports.length,
    },
  };
}
