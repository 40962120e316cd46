/**
 * Values that cannot be true, through the whole import (issue 14 #5 and #6): a run dated 9999 is refused with
 * a code naming the file and the date; a file whose totals say 19,502 km in 92 s but whose samples say 5.4 km
 * in 30 minutes is stored with the samples' totals and a warning.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGpx } from '../../../test/factories/gpx.factory.ts';
import { buildTcx } from '../../../test/factories/tcx.factory.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { importPaths } from './import.service.ts';

const NOW = '2026-06-01T12:00:00.000Z';

dbTest('impossible dates are refused and impossible totals recomputed from the samples', async (tdb) => {
  const handle = await tdb.open();
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-plausible-'));
  try {
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW);
    const ctx = {
      db: handle.db,
      athleteId: athlete.id,
      nowIso: NOW,
      resolveOffset: () => ({ utcOffsetS: 0, basis: 'user' as const }),
    };
    const future = join(dir, 'future.gpx');
    writeFileSync(future, buildGpx({ startMs: Date.UTC(9999, 5, 1, 6), durationS: 600 }));
    const tomorrowAfter = join(dir, 'day-after-tomorrow.gpx');
    writeFileSync(tomorrowAfter, buildGpx({ startMs: Date.UTC(2026, 5, 3, 6), durationS: 600 }));

    // A TCX whose lap claims 19,502 km in 92 s over 30 minutes of samples at 3 m/s.
    const tcx = new TextDecoder()
      .decode(buildTcx({ startMs: Date.UTC(2026, 4, 1, 6), durationS: 1800, speedMps: 3 }))
      .replace(/<TotalTimeSeconds>[\d.]+<\/TotalTimeSeconds>/, '<TotalTimeSeconds>92</TotalTimeSeconds>')
      .replace(
        /(<\/TotalTimeSeconds>\s*)<DistanceMeters>[\d.]+<\/DistanceMeters>/,
        '$1<DistanceMeters>19502000</DistanceMeters>',
      );
    assert.match(tcx, /19502000/);
    const corrupt = join(dir, 'corrupt-totals.tcx');
    writeFileSync(corrupt, tcx);

    const report = await importPaths(ctx, [future, tomorrowAfter, corrupt]);
    const skipped = new Map(report.skipped.map((s) => [s.file, s]));
    assert.equal(skipped.get(future)?.code, 'START_TIME_IMPLAUSIBLE');
    assert.match(skipped.get(future)?.message ?? '', /9999-06-01/);
    assert.equal(skipped.get(tomorrowAfter)?.code, 'START_TIME_IMPLAUSIBLE');

    assert.equal(report.imported, 1);
    const recomputed = report.warnings.filter((w) => w.file === corrupt && w.code === 'TOTAL_RECOMPUTED');
    assert.ok(recomputed.length > 0, JSON.stringify(report.warnings));
    const [stored] = await new ActivityRepository(handle.db).list(athlete.id);
    assert.ok(stored);
    assert.ok(Math.abs(stored.distance_m - 5400) < 300, `distance ${stored.distance_m}`);
    assert.ok(
      stored.elapsed_time_s >= 1700 && stored.elapsed_time_s <= 1900,
      `elapsed ${stored.elapsed_time_s}`,
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
