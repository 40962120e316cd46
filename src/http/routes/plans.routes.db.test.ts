import assert from 'node:assert/strict';
import { dbTest } from '../../../test/support/test-databases.ts';
import { planToIcs } from '../../services/plan/plan-ics.ts';
import { planToJson } from '../../services/plan/plan-json.ts';
import { PlanService } from '../../services/plan.service.ts';
import type { ProgrammeSession } from '../../services/programme.service.ts';
import { plansRoutes } from './plans.routes.ts';
import { cliJson, errorOf, harness, SEED_NOW } from './route-test.support.ts';

dbTest('plan: the plan --json document and the same plan as an .ics attachment', async (tdb) => {
  const h = await harness(tdb, { routes: plansRoutes });
  try {
    // `kneewise plan` reads the real clock for today (the pain status depends on it), so the route is compared
    // with what the command prints, planToJson(PlanService.plan(…)), on the test clock.
    const service = new PlanService(h.handle.db);
    const expected = async (weeks: number, goalKm: number | null, start: string | null) =>
      (await service.plan(h.athlete!.id, { weeks, goalKm, start, today: '2025-06-29' })).plan;

    const plan = await h.get<ReturnType<typeof planToJson>>('/plan');
    assert.deepEqual(plan, planToJson(await expected(4, null, null)));
    // Sunday 29 June: the plan opens today, the last day of the Monday week, then four full weeks.
    assert.equal(plan.start, '2025-06-29', 'today');
    assert.equal(plan.weeks.length, 5);
    assert.equal(plan.weeks[1]!.weekStart, '2025-06-30', 'then the Monday weeks');
    assert.equal(plan.programme.id, 'pfps');
    const custom = await h.get('/plan?weeks=2&goalKm=30&start=2025-07-02');
    assert.deepEqual(custom, planToJson(await expected(2, 30, '2025-07-02')));

    const ics = await h.call('GET', '/plan.ics?weeks=2');
    assert.equal(ics.status, 200);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(ics.headers.get('content-disposition'), 'attachment; filename="kneewise-plan.ics"');
    assert.equal(await ics.text(), planToIcs(await expected(2, null, null), SEED_NOW.toISOString()));

    for (const [query, field] of [
      ['weeks=0', 'query.weeks'],
      ['weeks=17', 'query.weeks'],
      ['goalKm=-3', 'query.goalKm'],
      ['goalKm=301', 'query.goalKm'],
      ['start=next-monday', 'query.start'],
    ] as const) {
      for (const path of ['/plan', '/plan.ics']) {
        const error = await errorOf(await h.call('GET', `${path}?${query}`), 400);
        assert.equal(error.code, 'INVALID_REQUEST');
        assert.ok(error.message.startsWith(`${field}: `), `${path}?${query}: ${error.message}`);
      }
    }
  } finally {
    await h.close();
  }
});

dbTest('routines and advice are the CLI documents; unknown names are refused', async (tdb) => {
  const h = await harness(tdb, { seed: 'none', routes: plansRoutes });
  try {
    const { routines } = await h.get<{ routines: { name: string; title: string; durationS: number }[] }>(
      '/routines',
    );
    assert.deepEqual(
      routines.slice(0, 2).map((r) => r.name),
      ['warmup', 'cooldown'],
    );
    assert.ok(routines.some((r) => r.name === 'pfps' && r.title === 'Kneecap pain (patellofemoral pain)'));
    assert.ok(routines.every((r) => r.durationS > 60));

    assert.deepEqual(
      await h.get('/routines/warmup'),
      await cliJson(tdb.url, ['routine', 'warmup', '--json']),
    );
    const phase2 = await h.get('/routines/pfps?phase=2');
    assert.deepEqual(phase2, await cliJson(tdb.url, ['routine', 'pfps', '--phase', '2', '--json']));
    assert.notDeepEqual(phase2, await h.get('/routines/pfps'));
    const unknown = await errorOf(await h.call('GET', '/routines/yoga'), 404);
    assert.equal(unknown.code, 'ROUTINE_UNKNOWN');
    const badPhase = await errorOf(await h.call('GET', '/routines/pfps?phase=9'), 400);
    assert.equal(badPhase.code, 'ROUTINE_PHASE_INVALID');
    assert.match(badPhase.message, /^phase must be a whole number from 1 to 4/);

    assert.deepEqual(await h.get('/advice'), await cliJson(tdb.url, ['advice', '--json']));
    assert.deepEqual(
      await h.get('/advice?topic=footwear'),
      await cliJson(tdb.url, ['advice', 'footwear', '--json']),
    );
    const topic = await errorOf(await h.call('GET', '/advice?topic=diet'), 400);
    assert.equal(topic.code, 'ADVICE_UNKNOWN_TOPIC');
  } finally {
    await h.close();
  }
});

dbTest(
  'programme: picked from the latest assessment; sessions logged once, visible, deletable',
  async (tdb) => {
    const h = await harness(tdb, { routes: plansRoutes });
    try {
      interface Current {
        programme: { id: string; phases: { name: string; exercises: { id: string }[] }[] };
        choice: { reason: string; warning: string | null };
        sessionsDone: number;
        currentPhaseIndex: number;
        sessions: ProgrammeSession[];
      }
      const before = await h.get<Current>('/programme');
      assert.equal(before.programme.id, 'pfps');
      assert.match(before.choice.reason, /most likely/);
      assert.match(before.choice.warning ?? '', /booking a check/);
      assert.deepEqual([before.sessionsDone, before.currentPhaseIndex], [0, 0]);
      assert.ok(before.programme.phases[0]!.exercises.length > 0);

      const body = { programmeId: 'pfps', painDuring: 2, note: 'wall sit ok' };
      const logged = await h.call('POST', '/programme-sessions', body);
      assert.equal(logged.status, 201);
      const { session } = (await logged.json()) as { session: ProgrammeSession };
      assert.deepEqual(
        { ...session, id: '', createdAt: '' },
        {
          id: '',
          date: '2025-06-29',
          programmeId: 'pfps',
          phaseIndex: 0,
          label: 'Phase 1: Settle and activate',
          painDuring: 2,
          note: 'wall sit ok',
          createdAt: '',
        },
      );
      const again = await h.call('POST', '/programme-sessions', { ...body, painDuring: 3 });
      assert.equal(again.status, 200, 'the same session again that day updates it');
      const updated = ((await again.json()) as { session: ProgrammeSession }).session;
      assert.deepEqual([updated.id, updated.painDuring], [session.id, 3]);
      const after = await h.get<Current>('/programme');
      assert.equal(after.sessionsDone, 1);
      assert.equal(after.sessions[0]?.painDuring, 3);

      const other = await h.call('POST', '/programme-sessions', {
        programmeId: 'pfps',
        date: '2025-06-27',
        phaseIndex: 1,
      });
      assert.equal(
        ((await other.json()) as { session: ProgrammeSession }).session.label,
        'Phase 2: Build strength',
      );
      assert.equal((await h.get<Current>('/programme')).sessionsDone, 2);

      const bad = await errorOf(await h.call('POST', '/programme-sessions', { programmeId: 'yoga' }), 400);
      assert.match(bad.message, /^body\.programmeId: /);
      const badPhase = await errorOf(
        await h.call('POST', '/programme-sessions', { programmeId: 'pfps', phaseIndex: 7 }),
        400,
      );
      assert.equal(badPhase.code, 'PROGRAMME_SESSION_INVALID');
      const badPain = await errorOf(
        await h.call('POST', '/programme-sessions', { programmeId: 'pfps', painDuring: 12 }),
        400,
      );
      assert.match(badPain.message, /^body\.painDuring: expected a pain score/);

      const deleted = await h.call('DELETE', `/programme-sessions/${session.id}`);
      assert.equal(((await deleted.json()) as { deleted: ProgrammeSession }).deleted.id, session.id);
      assert.equal((await h.get<Current>('/programme')).sessionsDone, 1);
      const gone = await errorOf(await h.call('DELETE', `/programme-sessions/${session.id}`), 404);
      assert.equal(gone.code, 'PROGRAMME_SESSION_NOT_FOUND');
    } finally {
      await h.close();
    }
  },
);
