/**
 * "Export my history as FHIR": reads the athlete's rows and hands them to the pure mapper
 * (src/domain/fhir/fhir-bundle.ts) as an R4 Bundle of type collection. Runs, pain entries and knee checks come
 * from their tables (every row, as the kneewise JSON export has them); reports are not stored, so each pain
 * episode's clinician report is rendered now, as the report screen would, and carried as a DocumentReference.
 *
 * The kneewise JSON export (data-export.service.ts) stays the lossless copy that restores a database; this
 * Bundle is for other health software.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { isSport } from '../domain/activity/sport.ts';
import type { Assessment } from '../domain/assessment/assessment.types.ts';
import { KneewiseError } from '../domain/errors.ts';
import { type FhirBundleCounts, fhirBundle } from '../domain/fhir/fhir-bundle.ts';
import type { FhirKneeCheck, FhirReport, FhirRun } from '../domain/fhir/fhir-export.input.ts';
import { groupEpisodes } from '../domain/journal/pain-episodes.ts';
import { todayIn } from './activity-history.service.ts';
import { offsetInZone, systemTimeZone } from './import/zone-offset.ts';
import { JournalService, toPainEntry } from './journal.service.ts';
import { buildReport, reportHtml } from './report-file.service.ts';

export const FHIR_CODES = { FHIR_EXPORT_INVALID: 'FHIR_EXPORT_INVALID' } as const;

/** RFC 4122 name-space for URLs: the name hashed is `urn:kneewise:<kind>:<id>`. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** UUIDv5 (RFC 9562 §5.5): the same name always gives the same UUID. */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface FhirExport {
  bundle: ReturnType<typeof fhirBundle>['bundle'];
  counts: FhirBundleCounts;
}

export class FhirExportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
  ) {}

  /** kneewise-fhir-YYYY-MM-DD.json, the runner's local date. */
  fileName(): string {
    return `kneewise-fhir-${todayIn(this.now(), this.zone())}.json`;
  }

  async export(): Promise<FhirExport> {
    const generatedAt = this.now().toISOString();
    const [runs, painRows, kneeChecks] = await Promise.all([
      this.runs(),
      this.db
        .selectFrom('pain_entries')
        .selectAll()
        .where('athlete_id', '=', this.athlete.id)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute(),
      this.kneeChecks(),
    ]);
    const zone = this.zone();
    const painEntries = painRows.map((row) => {
      const entry = toPainEntry(row);
      const ms = Date.parse(entry.occurredAt);
      return {
        ...entry,
        utcOffsetS: Number.isNaN(ms) ? null : offsetInZone(zone, ms),
        isDemo: Number(row.is_demo) === 1,
      };
    });
    const { sex, birthYear } = this.athlete.settings;
    const answeredSex = kneeChecks.at(-1)?.answers.sex;
    return fhirBundle({
      generatedAt,
      athlete: {
        id: this.athlete.id,
        name: this.athlete.name,
        sex:
          sex ??
          (answeredSex === 'female' || answeredSex === 'male' || answeredSex === 'other'
            ? answeredSex
            : null),
        birthYear,
      },
      runs,
      painEntries,
      kneeChecks,
      reports: await this.reports(),
      nameBasedUuid: (id) => uuidV5(`urn:kneewise:${this.athlete.id}:${id}`),
    });
  }

  private zone(): string {
    return this.athlete.settings.timeZone ?? systemTimeZone();
  }

  private async runs(): Promise<FhirRun[]> {
    const rows = await this.db
      .selectFrom('activities')
      .selectAll()
      .where('athlete_id', '=', this.athlete.id)
      .orderBy('start_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      sport: isSport(r.sport) ? r.sport : 'other',
      rawSport: r.raw_sport,
      name: r.name,
      description: r.description,
      startAt: r.start_at,
      utcOffsetS: r.utc_offset_s,
      distanceM: r.distance_m,
      movingTimeS: r.moving_time_s,
      elapsedTimeS: r.elapsed_time_s,
      ascentM: r.ascent_m,
      descentM: r.descent_m,
      avgHeartRate: r.avg_heart_rate,
      maxHeartRate: r.max_heart_rate,
      avgCadenceSpm: r.avg_cadence_spm,
      calories: r.calories,
      excluded: Number(r.excluded) === 1,
      isDemo: Number(r.is_demo) === 1,
    }));
  }

  private async kneeChecks(): Promise<FhirKneeCheck[]> {
    const rows = await this.db
      .selectFrom('assessments')
      .select(['id', 'created_at', 'answers_json', 'result_json', 'is_demo'])
      .where('athlete_id', '=', this.athlete.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => {
      try {
        return {
          id: row.id,
          createdAt: row.created_at,
          isDemo: Number(row.is_demo) === 1,
          answers: JSON.parse(row.answers_json) as Record<string, unknown>,
          result: resultOf(JSON.parse(row.result_json) as Partial<Assessment>),
        };
      } catch (error) {
        throw new KneewiseError(
          FHIR_CODES.FHIR_EXPORT_INVALID,
          `Saved knee check ${row.id} holds invalid JSON (${error instanceof Error ? error.message : error})`,
          'internal',
        );
      }
    });
  }

  /** The clinician report of every pain episode, as the report screen renders it today. */
  private async reports(): Promise<FhirReport[]> {
    // The episodes the report screen offers: the journal as it reads it (dates within the calendar's reach).
    const entries = await new JournalService(this.db, this.athlete, this.now).all();
    const out: FhirReport[] = [];
    for (const episode of groupEpisodes(entries)) {
      const html = reportHtml(await buildReport(this.db, this.athlete, this.now, { episode: episode.onset }));
      const bytes = Buffer.from(html, 'utf8');
      out.push({
        id: uuidV5(`urn:kneewise:${this.athlete.id}:report:${episode.onset}`),
        title: `Knee pain report: episode from ${episode.onset} to ${episode.lastDate}`,
        episode: { onset: episode.onset, lastDate: episode.lastDate },
        contentType: 'text/html',
        dataBase64: bytes.toString('base64'),
        size: bytes.length,
      });
    }
    return out;
  }
}

/** A knee check saved by an older version may lack a field the mapper reads: absent means empty. */
function resultOf(r: Partial<Assessment>): FhirKneeCheck['result'] {
  return {
    urgency: r.urgency ?? 'self-care',
    headline: r.headline ?? '',
    differential: Array.isArray(r.differential) ? r.differential : [],
    engineVersion: r.engineVersion ?? '',
    disclaimer: r.disclaimer ?? '',
  };
}
