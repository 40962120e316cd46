/**
 * The database a fuzz run imports into: a fresh SQLite file holding a baseline of runs imported before any
 * mutated input, so the suite can check that nothing already stored is ever changed, and that everything a
 * mutated input adds is plausible.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';
import type { ActivityRow } from '../../src/db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../src/db/repositories/athlete.repository.ts';
import {
  EARLIEST_START_MS,
  implausibleTotals,
  MAX_UTC_OFFSET_S,
  TEXT_LIMITS,
} from '../../src/domain/activity/plausibility.ts';
import type { Sport } from '../../src/domain/activity/sport.ts';
import type { WriteContext } from '../../src/services/import/activity-writer.ts';
import { importPaths } from '../../src/services/import/import.service.ts';
import { buildFitRun } from '../factories/fit.factory.ts';

export const FUZZ_NOW_MS = Date.UTC(2026, 10, 1);

export interface FuzzStore {
  dir: string;
  handle: DatabaseHandle;
  ctx: WriteContext;
  /** The baseline rows as stored before any mutated input, serialised. */
  baseline: Map<string, string>;
  close(): Promise<void>;
}

export async function openFuzzStore(): Promise<FuzzStore> {
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-fuzz-'));
  const handle = await openDatabase(join(dir, 'fuzz.sqlite'));
  const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(
    new Date(FUZZ_NOW_MS).toISOString(),
  );
  const ctx: WriteContext = {
    db: handle.db,
    athleteId: athlete.id,
    nowIso: new Date(FUZZ_NOW_MS).toISOString(),
    resolveOffset: () => ({ utcOffsetS: 3600, basis: 'user' }),
  };
  const folder = join(dir, 'baseline');
  mkdirSync(folder);
  for (let i = 0; i < 5; i++) {
    const startMs = Date.UTC(2020, 5, 1 + i * 3, 6);
    writeFileSync(
      join(folder, `base-${i}.fit`),
      buildFitRun({ startMs, durationS: 1800 + i * 300, seed: 100 + i }),
    );
  }
  const report = await importPaths(ctx, [folder]);
  if (report.imported !== 5) throw new Error(`baseline import failed: ${JSON.stringify(report)}`);
  const baseline = new Map((await allRows(handle)).map((r) => [r.id, JSON.stringify(r)]));
  return {
    dir,
    handle,
    ctx,
    baseline,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function allRows(handle: DatabaseHandle): Promise<ActivityRow[]> {
  return handle.db.selectFrom('activities').selectAll().orderBy('id').execute();
}

export async function streamCount(handle: DatabaseHandle): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from activity_streams`.execute(handle.db);
  return Number(r.rows[0]?.n);
}

/** Why a stored row cannot be true, or null. */
export function implausibility(row: ActivityRow): string | null {
  if (!(row.start_ms >= EARLIEST_START_MS && row.start_ms <= FUZZ_NOW_MS + 2 * 86_400_000))
    return `start ${row.start_at}`;
  if (row.utc_offset_s !== null && Math.abs(row.utc_offset_s) > MAX_UTC_OFFSET_S)
    return `offset ${row.utc_offset_s}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.local_date)) return `local date ${row.local_date}`;
  const texts: [string | null, number][] = [
    [row.name, TEXT_LIMITS.name],
    [row.description, TEXT_LIMITS.description],
    [row.device, TEXT_LIMITS.device],
    [row.gear_name, TEXT_LIMITS.gearName],
    [row.raw_sport, TEXT_LIMITS.rawSport],
    [row.external_id, TEXT_LIMITS.externalId],
  ];
  for (const [text, limit] of texts)
    if (text !== null && text.length > limit) return `text of ${text.length} chars`;
  const problems = implausibleTotals({
    sport: row.sport as Sport,
    rawSport: row.raw_sport,
    startMs: row.start_ms,
    localDate: row.local_date,
    utcOffsetS: row.utc_offset_s,
    localDateBasis: row.local_date_basis as never,
    distanceM: row.distance_m,
    movingTimeS: row.moving_time_s,
    elapsedTimeS: row.elapsed_time_s,
    timerTimeS: row.timer_time_s,
    ascentM: row.ascent_m,
    descentM: row.descent_m,
    downhillDistanceM: row.downhill_distance_m,
    avgHeartRate: row.avg_heart_rate,
    maxHeartRate: row.max_heart_rate,
    avgCadenceSpm: row.avg_cadence_spm,
    avgStrideM: row.avg_stride_m,
    calories: row.calories,
    sampleCount: row.sample_count,
    richness: row.richness,
  });
  return problems.length > 0
    ? problems.map((p) => `${p.field}=${p.value} (expected ${p.expected})`).join('; ')
    : null;
}
