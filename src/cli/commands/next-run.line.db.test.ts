import assert from 'node:assert/strict';
import { SEED_NOW, seedReportRunner } from '../../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { TodayService } from '../../services/today.service.ts';
import { nextRunLeadLine } from './next-run.line.ts';

dbTest(
  'status line: while pain is not settling, the walk-run session leads and the ceiling is context',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const today = new TodayService(handle.db, athlete, () => SEED_NOW, new LoadReportCache());
      const red = nextRunLeadLine((await today.today({ asOf: '2025-06-20' })).load.nextRun, 'mi');
      assert.ok(red !== null);
      assert.match(
        red,
        /^Your knee pain sets the next run: Walk-run level \d, about [\d.]+ mi on 2025-06-\d\d\./,
      );
      assert.match(red, /The 10 % ceiling \([\d.]+ mi\) is context, not a target\.$/);
      assert.doesNotMatch(red, /km/);
      assert.equal(
        nextRunLeadLine((await today.today()).load.nextRun, 'km'),
        null,
        'settled: the ceiling leads',
      );
    } finally {
      await handle.close();
    }
  },
);
