import assert from 'node:assert/strict';
import { SEED_NOW, SEED_ONSET, seedReportRunner } from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import { addDays } from '../domain/load/calendar-day.ts';
import { LoadReportCache } from './load-snapshot.service.ts';
import { PlanService } from './plan.service.ts';
import { TodayService } from './today.service.ts';

// The seeded runner: 8 km every other day, a 24 km spike on 2025-06-15 after which the knee hurt (6/10),
// then 5 → 4 → 2 → 1/10 over the next two weeks.

dbTest(
  'today: while pain is not settling, the walk-run session leads and the ceiling is context',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const service = new TodayService(handle.db, athlete, () => SEED_NOW, new LoadReportCache());
      const view = await service.today({ asOf: '2025-06-20' });
      assert.equal(view.painStatus.signal, 'red');
      assert.equal(view.load.nextRunCeilingM, 26_400, '`status` still builds on the 24 km run');
      const lead = view.load.nextRun;
      assert.equal(lead.leads, 'pain');
      assert.equal(lead.reason, view.painStatus.reason);
      assert.match(lead.reason ?? '', /above the 5\/10 limit/);
      assert.ok(lead.session, 'a run is planned');
      assert.match(lead.session.title, /^Walk-run level \d$/);
      // The session stops at its own distance, never at a ceiling.
      const own = `${(lead.session.distanceM! / 1000).toFixed(1)} km`;
      assert.ok(lead.session.note.includes(`Stop at ${own} or when the time is up`), lead.session.note);
      assert.doesNotMatch(lead.session.note, /26\.4|ceiling/);
      // The return's ceiling is 1.10 × the 8 km runs: the run the pain began in does not count.
      assert.ok(Math.abs(lead.ceilingM! - 8800) < 1e-6, `context ceiling ${lead.ceilingM}`);
      assert.deepEqual(lead.painRun, { localDate: SEED_ONSET, distanceM: 24_000 });
    } finally {
      await handle.close();
    }
  },
);

dbTest(
  'today: while the pain settles the plan still leads, without the spike; two weeks pain-free, the ceiling leads',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const service = new TodayService(handle.db, athlete, () => SEED_NOW, new LoadReportCache());
      const view = await service.today();
      assert.equal(view.painStatus.trend, 'settling', view.painStatus.reason);
      const lead = view.load.nextRun;
      // A 26.4 km ceiling in large type over the 24 km run that hurt the knee would invite it again.
      assert.equal(lead.leads, 'pain');
      assert.equal(view.load.nextRunCeilingM, 26_400, '`status` keeps its own figure (spec/cli.md)');
      assert.ok(Math.abs(lead.ceilingM! - 8800) < 1e-6, `context ceiling ${lead.ceilingM}: 1.10 × 8 km`);
      assert.deepEqual(lead.painRun, { localDate: SEED_ONSET, distanceM: 24_000 });
      assert.match(lead.reason ?? '', /^Knee pain is settling\./);
      assert.ok(lead.session && lead.session.distanceM! <= lead.ceilingM!);
      assert.equal(lead.session.date, view.nextPlanned?.date, 'the same session as Next planned');

      // The last pain entry was on 27 June: two weeks on, the plain 10 % ceiling leads again.
      const later = await service.today({ asOf: '2025-07-13' });
      assert.equal(later.painStatus.trend, 'none');
      assert.equal(later.load.nextRun.leads, 'ceiling');
      assert.equal(later.load.nextRun.ceilingM, later.load.nextRunCeilingM);
      assert.equal(later.load.nextRun.painRun, null);
      assert.equal(later.load.nextRun.reason, null);
    } finally {
      await handle.close();
    }
  },
);

dbTest(
  "today's next session is the first session of the plan the Plans screen and `kneewise plan` show, every day of the week",
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const today = new TodayService(handle.db, athlete, () => SEED_NOW, new LoadReportCache());
      const plans = new PlanService(handle.db);
      // 2025-06-29 is a Sunday, the last day of a Monday week: the seven days cover each weekday once.
      for (let d = 0; d < 7; d += 1) {
        const asOf = addDays('2025-06-29', d);
        const view = await today.today({ asOf });
        const { plan } = await plans.plan(athlete.id, {
          weeks: 4,
          goalKm: null,
          start: null,
          today: asOf,
          weekStart: athlete.settings.weekStart,
        });
        assert.equal(plan.weeks[0]!.weekStart, asOf, `${asOf}: the plan opens today, as Today does`);
        const first = plan.weeks.flatMap((w) => w.sessions).find((s) => s.kind !== 'rest');
        assert.ok(view.nextPlanned && first, asOf);
        assert.deepEqual(
          [view.nextPlanned.date, view.nextPlanned.kind, view.nextPlanned.title, view.nextPlanned.distanceM],
          [first.date, first.kind, first.title, first.distanceM],
          `${asOf}: Today and the plan agree on the next session`,
        );
      }
    } finally {
      await handle.close();
    }
  },
);
