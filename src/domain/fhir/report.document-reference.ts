/**
 * One clinician report → one DocumentReference carrying the report itself (HTML, inline as base64), typed as
 * a summary of the pain episode it covers (LOINC 34133-9) with the episode as its context period.
 */
import type { DocumentReference } from 'fhir/r4.js';
import { LOINC } from './fhir-codes.ts';
import type { FhirReport } from './fhir-export.input.ts';
import { concept, type FhirIds } from './fhir-values.ts';

export function reportDocument(
  report: FhirReport,
  patientId: string,
  generatedAt: string,
  ids: FhirIds,
): DocumentReference {
  const patient = ids.reference(patientId);
  return {
    resourceType: 'DocumentReference',
    id: ids.uuid(report.id),
    masterIdentifier: ids.identifiers(report.id)[0]!,
    status: 'current',
    docStatus: 'final',
    type: concept(LOINC.episodeSummary, 'Knee pain report for a clinician'),
    subject: patient,
    date: generatedAt,
    description: report.title,
    content: [
      {
        attachment: {
          contentType: report.contentType,
          language: 'en',
          data: report.dataBase64,
          size: report.size,
          title: report.title,
          creation: generatedAt,
        },
      },
    ],
    context: { period: { start: report.episode.onset, end: report.episode.lastDate } },
  };
}
