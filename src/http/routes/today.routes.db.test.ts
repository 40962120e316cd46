import assert from 'node:assert/strict';
import { storedActivityRow } from '../../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../../test/support/test-databases.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import type { TodayView } from '../../services/today.service.ts';
import { cliJson, errorOf, harness, SEED_NOW } from './route-test.support.ts';
import { todayRoutes } from './today.routes.ts';

dbTest(
  'today: one document with the status, the week, shoes, pain, assessment and the next session',
  async (tdb) => {
    const h = await harness(tdb, { routes: (deps) => todayRoutes(deps) });
    try {
      const today = await h.get<TodayView>('/today');
      assert.equal(today.asOf, '2025-06-29');
      assert.equal(today.today, '2025-06-29');

      // The status block is `status --json` for the same day (the summary wording is checked in the domain).
      const { summary: _s, ...cliStatus } = (await cliJson(tdb.url, [
        'status',
        '--as-of',
        '2025-06-29',
        '--json',
      ])) as Record<string, unknown>;
      const { summary, ...status } = today.status;
      assert.deepEqual(status, cliStatus);
      // Knee pain in the last two weeks: the plan's session leads, the ceiling without the spike is context.
      assert.match(summary, /^Running load as of 2025-06-29 \(today\)\n/);
      assert.doesNotMatch(summary, /Keep your next run under/);
      assert.ok(summary.includes('the 10 % ceiling, 8.8 km,'), summary);

      assert.equal(today.load.nextRunCeilingM, 26_400);
      assert.equal(today.load.ceiling?.longestDate, '2025-06-15');
      assert.deepEqual(today.load.flags, today.status.flags);
      assert.deepEqual(
        { ...today.load.lastRun, spikePct: Math.round(today.load.lastRun?.spikePct ?? 0) },
        {
          activityId: 'act-0038',
          localDate: '2025-06-26',
          distanceM: 5000,
          longestPrev30dM: 24_000,
          spikePct: -79,
          spikeCategory: 'none',
          sport: 'run',
          daysAgo: 3,
        },
      );
      assert.deepEqual(today.load.thisWeek, { weekStart: '2025-06-23', distanceM: 5000, runs: 1 });
      assert.deepEqual(today.load.previousWeek, { weekStart: '2025-06-16', distanceM: 5000, runs: 1 });
      assert.deepEqual(today.load.last7Days, { distanceM: 5000, runs: 1, restDays: 6 });

      assert.deepEqual(
        today.shoeAlerts.map((s) => [s.name, s.status, s.distanceM]),
        [['Road Trainer', 'nudge', 580_000]],
        'only the pair past a reminder; the new pair has no alert',
      );
      assert.equal(today.latestPain?.localDate, '2025-06-27');
      // Pain fell 5 → 4 → 2 → 1/10 and the last two entries kept the rules: settling, by the one pain model.
      assert.equal(today.painStatus.signal, 'green');
      assert.equal(today.painStatus.trend, 'settling');
      assert.equal(today.load.nextRun.leads, 'pain', 'settling pain still sets the next run');
      assert.equal(today.latestAssessment?.id, 'assessment-1');
      assert.equal(today.latestAssessment?.urgency, 'soon');
      assert.equal(today.latestAssessment?.topConditions[0]?.id, 'pfps');
      assert.equal(today.latestAssessment?.topConditions.length, 3);
      assert.ok(today.nextPlanned, 'a session is planned');
      assert.ok(today.nextPlanned.date >= '2025-06-29');
      assert.notEqual(today.nextPlanned.kind, 'rest');
      assert.equal(today.nextPlanned.programme.id, 'pfps');
    } finally {
      await h.close();
    }
  },
);

dbTest(
  'today: as of another day, a bad day is a 400, and a new run shows on the next request',
  async (tdb) => {
    const h = await harness(tdb, { routes: (deps) => todayRoutes(deps) });
    try {
      const before = await h.get<TodayView>('/today?asOf=2025-06-15');
      assert.equal(before.asOf, '2025-06-15');
      assert.equal(before.today, '2025-06-29');
      assert.equal(before.load.lastRun?.localDate, '2025-06-15');
      assert.equal(before.load.lastRun?.daysAgo, 0);
      assert.equal(before.latestPain?.localDate, '2025-06-15', 'entries after asOf are not "latest" yet');
      assert.ok((before.nextPlanned?.date ?? '') > '2025-06-15', 'the day already has its run');

      const error = await errorOf(await h.call('GET', '/today?asOf=2025-02-30'), 400);
      assert.equal(error.code, 'INVALID_REQUEST');
      assert.match(error.message, /^query\.asOf: expected a calendar date/);

      const first = await h.get<TodayView>('/today');
      const again = await h.get<TodayView>('/today');
      assert.deepEqual(again, first, 'the same request gives the same document');
      const run = storedActivityRow(h.athlete!.id, 500, '2025-06-28', 7000, SEED_NOW);
      await new ActivityRepository(h.handle.db).insert(run, null);
      const after = await h.get<TodayView>('/today');
      assert.deepEqual(after.load.thisWeek, { weekStart: '2025-06-23', distanceM: 12_000, runs: 2 });
      assert.equal(after.load.lastRun?.activityId, 'act-0500');
    } finally {
      await h.close();
    }
  },
);

dbTest('today with no data at all still answers, with nothing to show', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: (deps) => todayRoutes(deps) });
  try {
    const today = await h.get<TodayView>('/today');
    assert.equal(today.load.nextRunCeilingM, null);
    assert.equal(today.load.lastRun, null);
    assert.deepEqual(today.load.thisWeek.runs, 0);
    assert.deepEqual(today.shoeAlerts, []);
    assert.equal(today.latestPain, null);
    assert.equal(today.latestAssessment, null);
    assert.match(today.status.summary, /No runs recorded/);
  } finally {
    await h.close();
  }
});
