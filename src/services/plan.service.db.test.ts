import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { Command } from 'commander';
import { dbTest, type TestDatabase } from '../../test/support/test-databases.ts';
import type { AppContext } from '../cli/app-context.ts';
import { registerAdviceCommand } from '../cli/commands/advice.command.ts';
import { registerPlanCommand } from '../cli/commands/plan.command.ts';
import { registerRoutineCommand } from '../cli/commands/routine.command.ts';
import { exitCodeFor } from '../cli/output.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { addDays } from '../domain/load/calendar-day.ts';
import { PlanService, parsePlanFlags } from './plan.service.ts';

const NOW = new Date('2026-03-04T12:00:00Z'); // a Wednesday
const TODAY = '2026-03-04';

async function seed(db: DatabaseHandle['db'], athleteId: string): Promise<void> {
  let n = 0;
  const run = (localDate: string, km: number, sport = 'run') => {
    n += 1;
    const startMs = Date.parse(`${localDate}T07:00:00Z`);
    return {
      id: `a${n}`,
      athlete_id: athleteId,
      source: `run${n}.fit`,
      format: 'fit',
      external_id: null,
      sport,
      raw_sport: sport,
      start_at: new Date(startMs).toISOString(),
      start_ms: startMs,
      local_date: localDate,
      utc_offset_s: 0,
      local_date_basis: 'file',
      distance_m: km * 1000,
      moving_time_s: km * 360,
      elapsed_time_s: km * 370,
      timer_time_s: null,
      ascent_m: null,
      descent_m: null,
      downhill_distance_m: null,
      avg_heart_rate: null,
      max_heart_rate: null,
      avg_cadence_spm: null,
      avg_stride_m: null,
      calories: null,
      device: null,
      name: null,
      description: null,
      gear_name: null,
      shoe_id: null,
      sample_count: 0,
      richness: 1,
      summary_version: '1',
      imported_at: NOW.toISOString(),
      is_demo: 0,
    };
  };
  const rows = [];
  for (let w = 5; w >= 1; w -= 1) {
    const mon = addDays('2026-03-02', -7 * w);
    rows.push(run(addDays(mon, 1), 6), run(addDays(mon, 3), 6), run(addDays(mon, 6), 12));
  }
  rows.push(run('2026-02-28', 80, 'ride')); // cross-training never sets a running ceiling
  await db.insertInto('activities').values(rows).execute();
  await db
    .insertInto('assessments')
    .values([
      {
        id: 's1',
        athlete_id: athleteId,
        created_at: '2026-01-01T00:00:00Z',
        answers_json: '{}',
        result_json: JSON.stringify({ urgency: 'self-care', conditions: [{ id: 'pfps' }] }),
        is_demo: 0,
      },
      {
        id: 's2',
        athlete_id: athleteId,
        created_at: '2026-02-20T00:00:00Z',
        answers_json: '{}',
        result_json: JSON.stringify({
          urgency: 'soon',
          conditions: [{ id: 'medial_meniscus_tear' }, { id: 'itbs' }],
        }),
        is_demo: 0,
      },
    ])
    .execute();
  await db
    .insertInto('pain_entries')
    .values({
      id: 'p1',
      athlete_id: athleteId,
      occurred_at: '2026-03-01T18:00:00Z',
      local_date: '2026-03-01',
      side: 'left',
      regions_json: '["lateral"]',
      pain_during: 4,
      pain_after: 3,
      pain_next_morning: 1,
      swelling: null,
      onset: 'gradual',
      activity_id: null,
      note: null,
      created_at: NOW.toISOString(),
      is_demo: 0,
    })
    .execute();
}

function harness(tdb: TestDatabase) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  stderr.resume();
  const ctx: AppContext = {
    io: { stdout, stderr, stdin: new PassThrough(), isTTY: false },
    now: () => NOW,
    config: () => {
      throw new Error('not used');
    },
    async withStore(fn) {
      const store = await tdb.open();
      try {
        const athlete = await new AthleteRepository(store.db).getOrCreateLocal(NOW.toISOString());
        return await fn(store, athlete);
      } finally {
        await store.close();
      }
    },
  };
  const program = new Command('kneewise').exitOverride();
  registerPlanCommand(program, ctx);
  registerRoutineCommand(program, ctx);
  registerAdviceCommand(program, ctx);
  return {
    program,
    ctx,
    output: () => out,
    run: (argv: string[]) => program.parseAsync(argv, { from: 'user' }),
  };
}

dbTest(
  'plan reads runs, pain and the latest assessment and keeps every run under its ceiling',
  async (tdb) => {
    const h = harness(tdb);
    await h.ctx.withStore(async (store, athlete) => seed(store.db, athlete.id));
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-plan-'));
    try {
      const ics = join(dir, 'plan.ics');
      await h.run(['plan', '--weeks', '6', '--goal-km', '35', '--json', '--ics', ics]);
      const json = JSON.parse(h.output());
      assert.equal(json.programme.id, 'itbs', 'latest assessment, top supported condition');
      assert.match(json.programme.warning, /coming days/);
      assert.equal(json.pain.signal, 'amber');
      // Wednesday 4 March: the rest of this week, then six full weeks from Monday.
      assert.equal(json.weeks.length, 7);
      assert.equal(json.weeks[0].weekStart, TODAY, 'the plan opens today');
      assert.deepEqual(
        json.weeks[0].sessions.map((s: { date: string }) => s.date),
        [0, 1, 2, 3, 4].map((d) => addDays(TODAY, d)),
      );
      assert.equal(json.weeks[1].weekStart, '2026-03-09', 'then the Monday weeks');
      for (const week of json.weeks) {
        for (const s of week.sessions) {
          assert.deepEqual(Object.keys(s).slice(0, 5), ['date', 'kind', 'distanceM', 'ceilingM', 'note']);
          if (s.kind === 'run')
            assert.ok(s.distanceM <= s.ceilingM, `${s.date}: ${s.distanceM} > ${s.ceilingM}`);
        }
      }
      // The longest done run is 12 km (the 80 km ride does not count): the first ceiling is 13.2 km.
      assert.equal(json.weeks[0].sessions.find((s: { kind: string }) => s.kind === 'run').ceilingM, 13200);
      const text = readFileSync(ics, 'utf8');
      const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
      const nonRest = json.weeks
        .flatMap((w: { sessions: { kind: string }[] }) => w.sessions)
        .filter((s: { kind: string }) => s.kind !== 'rest').length;
      assert.equal(events, nonRest);
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

dbTest(
  'a plain plan says which programme it picked; no data means general prevention and walk-run',
  async (tdb) => {
    const h = harness(tdb);
    await h.run(['plan', '--weeks', '2', '--start', '2026-03-09']);
    assert.match(h.output(), /Programme: General strength for runners \(no saved assessment/);
    assert.match(h.output(), /Walk-run level 1/);
    const service = await tdb.open();
    try {
      const athlete = await new AthleteRepository(service.db).getOrCreateLocal(NOW.toISOString());
      const { plan } = await new PlanService(service.db).plan(athlete.id, {
        weeks: 1,
        goalKm: null,
        start: null,
        today: TODAY,
      });
      assert.equal(plan.weeks[0]!.mode, 'return');
    } finally {
      await service.close();
    }
  },
);

test('flags are validated with exit code 2 and a message naming the flag', async () => {
  for (const [flags, pattern] of [
    [{ weeks: '0' }, /--weeks must be a whole number from 1 to 16, got "0"/],
    [{ weeks: '17' }, /--weeks/],
    [{ weeks: '2.5' }, /--weeks/],
    [{ weeks: '4', goalKm: '-3' }, /--goal-km/],
    [{ weeks: '4', goalKm: 'ten' }, /--goal-km/],
    [{ weeks: '4', start: '2026-02-30' }, /--start must be a calendar date as YYYY-MM-DD, got "2026-02-30"/],
  ] as const) {
    assert.throws(
      () => parsePlanFlags(flags, TODAY),
      (e: unknown) => exitCodeFor(e) === 2 && pattern.test((e as Error).message),
    );
  }
  assert.deepEqual(parsePlanFlags({ weeks: '3', goalKm: '30', start: '2026-03-10' }, TODAY), {
    weeks: 3,
    goalKm: 30,
    start: '2026-03-10',
    today: TODAY,
  });
});

test('routine and advice commands print in a pipe and reject unknown names', async () => {
  const h = harness({ engine: 'sqlite', url: '', open: () => Promise.reject(new Error('no db needed')) });
  await h.run(['routine', 'warmup']);
  assert.match(h.output(), /Dynamic warm-up/);
  assert.match(h.output(), /Total: \d+ min/);
  await h.run(['advice', 'footwear']);
  assert.match(h.output(), /motion-control/);
  await h.run(['advice', 'return-to-run', '--json']);
  assert.ok(h.output().includes('"id": "return-to-run"'));
  await assert.rejects(
    h.run(['routine', 'yoga']),
    (e: unknown) => exitCodeFor(e) === 2 && /Unknown routine "yoga"/.test((e as Error).message),
  );
  await assert.rejects(h.run(['advice', 'diet']), /Unknown advice topic "diet"/);
});
