/**
 * What the FHIR export is made from: plain values the service reads from storage (or a server's tables), so
 * the mapping itself stays pure and the same for the single-runner app and the clinic server.
 */
import type { Sport } from '../activity/sport.ts';
import type { Assessment } from '../assessment/assessment.types.ts';
import type { PainEntry } from '../journal/pain-entry.ts';
import type { NameBasedUuid } from './fhir-values.ts';

export interface FhirAthlete {
  id: string;
  name: string;
  /** From the settings, else the latest knee check's answers; null when the runner never said. */
  sex: 'female' | 'male' | 'other' | null;
  /** From the settings, when given: written as a year-only FHIR date. */
  birthYear: number | null;
}

export interface FhirRun {
  id: string;
  sport: Sport;
  /** The sport as the file named it (`trail_running`, `Run`...). */
  rawSport: string;
  name: string | null;
  description: string | null;
  /** ISO-8601 UTC instant. */
  startAt: string;
  /** The activity's own offset from UTC, when known. */
  utcOffsetS: number | null;
  distanceM: number;
  movingTimeS: number;
  elapsedTimeS: number;
  ascentM: number | null;
  descentM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadenceSpm: number | null;
  calories: number | null;
  /** The runner left it out of the analysis; it still happened. */
  excluded: boolean;
  /** Part of the made-up demo runner. */
  isDemo: boolean;
}

export interface FhirPainEntry extends PainEntry {
  /** The runner's offset from UTC at that moment (their time zone), when known. */
  utcOffsetS: number | null;
  isDemo: boolean;
}

export interface FhirKneeCheck {
  id: string;
  /** ISO-8601 UTC instant. */
  createdAt: string;
  /** The stored answers, key → value (the answer keys of ../shared/spec/assessment.md). */
  answers: Record<string, unknown>;
  isDemo: boolean;
  result: Pick<Assessment, 'urgency' | 'headline' | 'differential' | 'engineVersion' | 'disclaimer'>;
}

export interface FhirReport {
  /** A stable id for this report (the service derives it from the athlete and the episode). */
  id: string;
  title: string;
  /** The pain episode the report is about, local dates. */
  episode: { onset: string; lastDate: string };
  contentType: 'text/html';
  /** The document's bytes, base64. */
  dataBase64: string;
  /** Size in bytes before base64. */
  size: number;
}

export interface FhirExportInput {
  /** When the Bundle was made (an ISO-8601 instant): the caller's clock, never the domain's. */
  generatedAt: string;
  athlete: FhirAthlete;
  runs: readonly FhirRun[];
  painEntries: readonly FhirPainEntry[];
  kneeChecks: readonly FhirKneeCheck[];
  reports: readonly FhirReport[];
  /** For ids that are not UUIDs: a deterministic UUID per id (UUIDv5 at the edge). */
  nameBasedUuid: NameBasedUuid;
}
