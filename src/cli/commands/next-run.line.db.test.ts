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
      const settling = nextRunLeadLine((await today.today()).load.nextRun, 'km');
      assert.match(
        settling ?? '',
        /^Your knee pain sets the next run: Long easy run, about 8\.2 km on 2025-06-29\./,
      );
      assert.match(settling ?? '', /Knee pain is settling\./);
      assert.match(settling ?? '', /The 10 % ceiling \(8\.8 km\) is context, not a target\.$/);
      // Two weeks after the last pain entry (27 June): the ceiling leads again.
      assert.equal(
        nextRunLeadLine((await today.today({ asOf: '2025-07-13' })).load.nextRun, 'km'),
        null,
        'settled: the ceiling leads',
      );
    } finally {
      await handle.close();
    }
  },
);

dbTest(
  "status summary: while pain sets the next run it names the return's ceiling, the figure of Today",
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const today = new TodayService(handle.db, athlete, () => SEED_NOW, new LoadReportCache());
      const red = await today.today({ asOf: '2025-06-20' });
      assert.equal(red.load.nextRun.leads, 'pain');
      const context = red.load.nextRun.ceilingM;
      assert.ok(context !== null);
      assert.doesNotMatch(red.status.summary, /Keep your next run under/);
      assert.ok(
        red.status.summary.includes(`the 10 % ceiling, ${(Math.floor(context / 100) / 10).toFixed(1)} km,`),
        red.status.summary,
      );
      // The same document from `status` (nextRun), with the load report's own figure kept (spec/cli.md).
      const { report, nextRun } = await today.nextRun('2025-06-20');
      assert.equal(red.status.nextRunCeilingM, report.nextRunCeilingM);
      assert.deepEqual(nextRun, red.load.nextRun);
      const settled = await today.today({ asOf: '2025-07-13' });
      assert.equal(settled.painStatus.trend, 'none');
      assert.equal(settled.load.nextRun.leads, 'ceiling');
      assert.match(settled.status.summary, /Keep your next run under/);
    } finally {
      await handle.close();
    }
  },
);
