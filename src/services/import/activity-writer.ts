/**
 * Stores the activities of one file all together or not at all (a savepoint inside the import's batch
 * transaction, import-store.ts), so a crash or a kill never leaves half a file behind, and a re-run picks up
 * exactly where the last one stopped.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { ActivityRow } from '../../db/repositories/activity.repository.ts';
import { type ImportStore, inImportTransaction } from '../../db/repositories/import-store.ts';
import type { Database } from '../../db/schema.ts';
import type { ParsedActivity } from '../../domain/activity/activity.ts';
import { isSameActivity, SAME_START_TOLERANCE_MS } from '../../domain/activity/duplicates.ts';
import { ImplausibleActivityError } from '../../domain/activity/plausibility.ts';
import { isRunningSport, type Sport } from '../../domain/activity/sport.ts';
import { type OffsetResolution, SUMMARY_VERSION } from '../../domain/activity/summary.ts';
import { type PreparedActivity, prepareActivity } from './activity-preparation.ts';

export { type EncodedStreams, type PreparedActivity, prepareActivity } from './activity-preparation.ts';

export interface WriteContext {
  db: Kysely<Database>;
  athleteId: string;
  nowIso: string;
  resolveOffset: (startMs: number, lat: number | null, lon: number | null) => OffsetResolution;
  /**
   * The zone `resolveOffset` was made from (makeOffsetResolver; null: this computer's), when it was: worker
   * threads then rebuild the same resolver and prepare files there (preparation-pool.ts). Without it, files
   * are prepared in this thread.
   */
  homeZone?: string | null;
  isDemo?: boolean;
}

export interface WriteOutcome {
  imported: number;
  duplicates: number;
  /** Totals recomputed, texts cut, activities of the file left out (plausibility.ts); no `file`: the caller knows it. */
  warnings?: { code: string; message: string }[];
}

async function shoeFor(
  store: ImportStore,
  ctx: WriteContext,
  parsed: Pick<ParsedActivity, 'gearName' | 'gearStated'>,
  sport: Sport,
  localDate: string,
): Promise<string | null> {
  if (!isRunningSport(sport)) return null;
  // A gear name seen on a run becomes a shoe, but not anyone's default: defaults come from the runner or shoes.csv.
  if (parsed.gearName) return store.shoeIdNamed(parsed.gearName, ctx.nowIso);
  // The export says this run had no gear: leave it without a shoe.
  if (parsed.gearStated) return null;
  // A file on its own says nothing: the default pair, if it was already in use that day.
  return store.defaultShoeId(sport, localDate);
}

/**
 * `contentHash` (when given) marks the file as done in the same transaction, so importing the same bytes again
 * is recognised before decoding.
 */
export async function writeActivities(
  ctx: WriteContext,
  source: string,
  activities: readonly ParsedActivity[],
  contentHash: string | null,
): Promise<WriteOutcome> {
  const nowMs = Date.parse(ctx.nowIso);
  const prepared = activities.map((parsed) => prepareActivity(parsed, nowMs, ctx.resolveOffset));
  return storeActivities(ctx, source, prepared, contentHash);
}

/** storeActivitiesIn, in a transaction of its own. */
export function storeActivities(
  ctx: WriteContext,
  source: string,
  activities: readonly PreparedActivity[],
  contentHash: string | null,
): Promise<WriteOutcome> {
  return inImportTransaction(ctx.db, ctx.athleteId, (store) =>
    storeActivitiesIn(store, ctx, source, activities, contentHash),
  );
}

/**
 * Stores what prepareActivity made of a file's activities, all or none (store.atomically), in the transaction
 * `store` writes in. One bad activity in a multi-activity file is left out with a warning; a file with nothing
 * plausible is skipped (this throws).
 */
export async function storeActivitiesIn(
  store: ImportStore,
  ctx: WriteContext,
  source: string,
  activities: readonly PreparedActivity[],
  contentHash: string | null,
): Promise<WriteOutcome> {
  const refusals = activities.flatMap((a) => (a.ok ? [] : [a.refusal]));
  const prepared = activities.flatMap((a) =>
    a.ok ? [{ parsed: a.checked.parsed, summary: a.checked.summary, streams: a.streams }] : [],
  );
  if (prepared.length === 0 && refusals.length > 0) {
    const first = refusals[0]!;
    throw new ImplausibleActivityError(first.code, first.field, first.value, first.message);
  }
  const warnings = [
    ...refusals.map((r) => ({ code: r.code, message: r.message })),
    ...activities.flatMap((a) => (a.ok ? a.checked.warnings : [])),
  ];
  return store.atomically(async () => {
    const outcome: WriteOutcome = { imported: 0, duplicates: 0, warnings };
    // Claim the file first: another importer holding the same bytes (two imports of one folder at once) has
    // claimed it or is about to commit it; this waits for it on PostgreSQL and then adds nothing.
    if (contentHash && !(await store.recordFile(contentHash, source, activities.length, ctx.nowIso))) {
      return { imported: 0, duplicates: activities.length };
    }
    for (const { parsed, summary, streams } of prepared) {
      // Gear named by the source wins; otherwise a run gets the shoe the runner set as default for its sport.
      const shoeId = await shoeFor(store, ctx, parsed, summary.sport, summary.localDate);
      const row: ActivityRow = {
        id: newId(parsed.startMs),
        athlete_id: ctx.athleteId,
        source,
        format: parsed.format,
        external_id: parsed.externalId,
        sport: summary.sport,
        raw_sport: summary.rawSport,
        start_at: new Date(summary.startMs).toISOString(),
        start_ms: summary.startMs,
        local_date: summary.localDate,
        utc_offset_s: summary.utcOffsetS,
        local_date_basis: summary.localDateBasis,
        distance_m: summary.distanceM,
        moving_time_s: summary.movingTimeS,
        elapsed_time_s: summary.elapsedTimeS,
        timer_time_s: summary.timerTimeS,
        ascent_m: summary.ascentM,
        descent_m: summary.descentM,
        downhill_distance_m: summary.downhillDistanceM,
        avg_heart_rate: summary.avgHeartRate,
        max_heart_rate: summary.maxHeartRate,
        avg_cadence_spm: summary.avgCadenceSpm,
        avg_stride_m: summary.avgStrideM,
        calories: summary.calories,
        device: parsed.device,
        name: parsed.name,
        description: parsed.description,
        gear_name: parsed.gearName,
        shoe_id: shoeId,
        sample_count: summary.sampleCount,
        richness: summary.richness,
        summary_version: SUMMARY_VERSION,
        imported_at: ctx.nowIso,
        is_demo: ctx.isDemo ? 1 : 0,
        excluded: 0,
      };
      const near = await store.findStartingNear(summary.startMs, SAME_START_TOLERANCE_MS);
      let same = near.find((existing) =>
        isSameActivity(
          { startMs: existing.start_ms, sport: existing.sport as Sport, distanceM: existing.distance_m },
          { startMs: row.start_ms, sport: summary.sport, distanceM: row.distance_m },
        ),
      );
      if (!same) {
        if (await store.insertActivity(row, streams)) {
          outcome.imported++;
          continue;
        }
        // The schema already holds a run starting at this very instant (stored meanwhile by a concurrent
        // importer, or too different to pass as the same run): it is that run.
        same = (await store.findStartingNear(row.start_ms, 0)).find(
          (existing) => existing.start_ms === row.start_ms,
        );
        if (!same) throw new Error('The activity could be neither stored nor found.');
      }
      outcome.duplicates++;
      if (row.richness > same.richness) {
        // The richer copy wins, but it keeps the id (journal links survive) and the metadata only the poorer
        // copy had (Strava's name, gear and description on a watch file).
        await store.replaceActivity(
          {
            ...row,
            id: same.id,
            sport: row.sport === 'other' ? same.sport : row.sport,
            name: row.name ?? same.name,
            description: row.description ?? same.description,
            gear_name: row.gear_name ?? same.gear_name,
            shoe_id: row.shoe_id ?? same.shoe_id,
            external_id: row.external_id ?? same.external_id,
          },
          streams,
        );
      } else {
        await store.fillMissingMetadata(same.id, {
          name: row.name,
          description: row.description,
          gear_name: row.gear_name,
          external_id: row.external_id,
          shoe_id: row.shoe_id,
        });
      }
    }
    return outcome;
  });
}
