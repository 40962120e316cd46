import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, dayNumber, dayOfWeek } from '../load/calendar-day.ts';
import type { PainDay } from './pain-monitoring.ts';
import type { HistoryRun } from './plan-baseline.ts';
import { generatePlan, PLAN_RULES, type Plan, type PlanInput } from './plan-generator.ts';

const START = '2026-03-02'; // a Monday
const PREVENTION = { programmeId: 'prevention' as const, reason: 'test', warning: null };

function input(over: Partial<PlanInput> = {}): PlanInput {
  return {
    start: START,
    weeks: 8,
    goalKm: null,
    history: [],
    journal: [],
    today: addDays(START, -3),
    programme: PREVENTION,
    programmeSessionsDone: 0,
    ...over,
  };
}

/** A steady runner: 3 runs a week (6, 6, 12 km) for `weeks` weeks before the plan. */
function steadyHistory(weeks: number, long = 12000): HistoryRun[] {
  const runs: HistoryRun[] = [];
  for (let w = weeks; w >= 1; w -= 1) {
    const monday = addDays(START, -7 * w);
    runs.push({ localDate: addDays(monday, 1), distanceM: 6000, movingTimeS: 2160 });
    runs.push({ localDate: addDays(monday, 3), distanceM: 6000, movingTimeS: 2160 });
    runs.push({ localDate: addDays(monday, 6), distanceM: long, movingTimeS: 4500 });
  }
  return runs;
}

/** Independent oracle for the spec rule: 1.10 × the longest run (done or planned) on days D-30 … D-1. */
function checkCeilings(plan: Plan, history: readonly HistoryRun[]): void {
  const planned = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.kind === 'run');
  const all = [
    ...history.map((r) => ({ date: r.localDate, d: r.distanceM })),
    ...planned.map((s) => ({ date: s.date, d: s.distanceM! })),
  ];
  for (const run of planned) {
    const day = dayNumber(run.date);
    const window = all.filter((r) => dayNumber(r.date) >= day - 30 && dayNumber(r.date) < day && r.d > 0);
    assert.ok(run.distanceM !== null && run.distanceM > 0, `${run.date}: a run needs a distance`);
    if (window.length === 0) {
      assert.equal(run.ceilingM, null, `${run.date}: no baseline, so no ceiling`);
      continue;
    }
    const longest = Math.max(...window.map((r) => r.d));
    assert.ok(
      Math.abs(run.ceilingM! - 1.1 * longest) < 0.01,
      `${run.date}: ceiling ${run.ceilingM} vs ${1.1 * longest}`,
    );
    assert.ok(
      run.distanceM! <= 1.1 * longest,
      `${run.date}: ${run.distanceM} over its ceiling ${1.1 * longest}`,
    );
    // Also safe when the window is counted as D-29 … D-1.
    const narrow = window.filter((r) => dayNumber(r.date) >= day - 29);
    if (narrow.length > 0) assert.ok(run.distanceM! <= 1.1 * Math.max(...narrow.map((r) => r.d)), run.date);
  }
}

function checkWeeklyShape(plan: Plan, input: PlanInput): void {
  let reference: number | null = null;
  for (const week of plan.weeks) {
    const days = new Set(week.sessions.map((s) => s.date));
    assert.equal(days.size, 7, `${week.weekStart}: every day is planned`);
    assert.ok(
      week.sessions.some((s) => s.kind === 'rest'),
      `${week.weekStart}: needs a rest day`,
    );
    const runs = week.sessions.filter((s) => s.kind === 'run');
    assert.ok(runs.length <= 5);
    assert.equal(new Set(runs.map((r) => r.date)).size, runs.length, 'one run a day at most');
    const total = runs.reduce((s, r) => s + r.distanceM!, 0);
    assert.equal(total, week.plannedRunM);
    if (week.mode === 'build') {
      if (reference !== null) {
        assert.ok(
          total <= Math.max(PLAN_RULES.minWeekM, 1.1 * reference) + 1e-6,
          `${week.weekStart}: ${total} after ${reference}`,
        );
      }
      if (!week.lighter) reference = total;
    } else {
      reference = total;
    }
    if (input.goalKm !== null && week.mode === 'build') {
      assert.ok(total <= Math.max(input.goalKm * 1000, PLAN_RULES.minWeekM) + 1e-6);
    }
  }
}

test('a steady runner gets runs under the ceiling, rest days and lighter fourth weeks', () => {
  const history = steadyHistory(6);
  const plan = generatePlan(input({ history, goalKm: 40, weeks: 12 }));
  checkCeilings(plan, history);
  checkWeeklyShape(plan, input({ goalKm: 40 }));
  assert.equal(plan.weeks[0]!.mode, 'build');
  assert.deepEqual(
    plan.weeks.map((w) => w.lighter),
    [false, false, false, true, false, false, false, true, false, false, false, true],
  );
  // Week 1 sits at the recent 24 km/week; the goal pulls later weeks up, never more than 10 % a week.
  assert.equal(plan.weeks[0]!.plannedRunM, 24000);
  assert.ok(plan.weeks[2]!.plannedRunM > plan.weeks[0]!.plannedRunM);
  assert.ok(plan.weeks[3]!.plannedRunM < plan.weeks[2]!.plannedRunM);
  // The first long run can be at most 10 % over the 12 km done in the last 30 days.
  const firstLong = plan.weeks[0]!.sessions.find((s) => s.title === 'Long easy run')!;
  assert.equal(firstLong.ceilingM, 13200);
  assert.ok(firstLong.distanceM! <= 13200);
  assert.equal(dayOfWeek(dayNumber(firstLong.date)), 0, 'long run on Sunday');
});

test('no run in 30 days starts the walk-run ladder, with no ceiling for the very first run', () => {
  const history = [{ localDate: addDays(START, -60), distanceM: 15000, movingTimeS: 5400 }];
  const plan = generatePlan(input({ history }));
  assert.equal(plan.weeks[0]!.mode, 'return');
  const runs = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.kind === 'run');
  assert.equal(runs[0]!.ceilingM, null);
  assert.equal(runs[0]!.walkRunLevel, 1);
  assert.ok(runs[0]!.distanceM! < 4000);
  // Level up every two sessions, then graduate to easy continuous runs.
  assert.deepEqual(
    runs.slice(0, 6).map((r) => r.walkRunLevel),
    [1, 1, 2, 2, 3, 3],
  );
  assert.ok(
    plan.weeks.some((w) => w.mode === 'build'),
    'graduates within 8 weeks',
  );
  checkCeilings(plan, history);
  assert.ok(plan.returnToRun);
});

test('amber pain holds the load at 80 % for two weeks', () => {
  const history = steadyHistory(6);
  const journal: PainDay[] = [
    { localDate: addDays(START, -4), painDuring: 4, painAfter: 3, painNextMorning: 1 },
  ];
  const plan = generatePlan(input({ history, journal, goalKm: 40 }));
  assert.equal(plan.pain.signal, 'amber');
  assert.ok(plan.weeks[0]!.plannedRunM <= 0.8 * 24000);
  assert.equal(plan.weeks[1]!.plannedRunM, plan.weeks[0]!.plannedRunM);
  checkCeilings(plan, history);
});

test('red pain protects the knee first, then returns through walk-run', () => {
  const history = steadyHistory(6);
  const journal: PainDay[] = [
    { localDate: addDays(START, -5), painDuring: 7, painAfter: 6, painNextMorning: 5 },
  ];
  const plan = generatePlan(input({ history, journal }));
  assert.equal(plan.pain.signal, 'red');
  const first = plan.weeks[0]!;
  assert.equal(first.mode, 'return');
  assert.equal(first.sessions[0]!.kind, 'cross');
  assert.ok(first.sessions.filter((s) => s.kind === 'run').every((s) => s.distanceM! < 6000));
  checkCeilings(plan, history);
});

test('walk-run sessions stop at their own distance, never at the 10 % ceiling', () => {
  const history = steadyHistory(6, 17000);
  const journal: PainDay[] = [
    { localDate: addDays(START, -5), painDuring: 7, painAfter: 6, painNextMorning: 5 },
  ];
  const plan = generatePlan(input({ history, journal }));
  const walkRuns = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.walkRunLevel !== undefined);
  assert.ok(walkRuns.length > 0);
  for (const s of walkRuns) {
    const own = `${(Math.floor(s.distanceM! / 100) / 10).toFixed(1)} km`;
    assert.match(s.note, new RegExp(`Stop at ${own.replace('.', '\\.')} or when the time is up`), s.note);
    if (s.ceilingM !== null) assert.ok(!s.note.includes(`${(s.ceilingM / 1000).toFixed(1)} km`), s.note);
  }
});

test("the run during which the pain began is not the base of the return's ceiling", () => {
  // Steady 6/6/10 km weeks, then a 23 km spike two days before the plan; the pain began the next morning.
  const history = [
    ...steadyHistory(5, 10000),
    { id: 'spike', localDate: addDays(START, -2), distanceM: 23000, movingTimeS: 8400 },
  ];
  const journal: PainDay[] = [
    { localDate: addDays(START, -1), painDuring: null, painAfter: null, painNextMorning: 6 },
  ];
  const onset = { onset: addDays(START, -1), onsetActivityId: null };
  const plan = generatePlan(
    input({ history, journal, weeks: 2, painOnset: onset, today: addDays(START, -1) }),
  );
  assert.deepEqual(plan.painRun, { localDate: addDays(START, -2), distanceM: 23000 });
  const runs = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.kind === 'run');
  assert.ok(runs.length > 0);
  assert.ok(Math.abs(runs[0]!.ceilingM! - 11000) < 1e-6, `first ceiling ${runs[0]!.ceilingM}: 1.10 × 10 km`);
  for (const r of runs) assert.ok(r.ceilingM! < 23000, `${r.date}: ceiling ${r.ceilingM} from the spike`);
  const linked = generatePlan(
    input({
      history,
      journal,
      weeks: 1,
      today: addDays(START, -1),
      painOnset: { onset: addDays(START, -1), onsetActivityId: 'spike' },
    }),
  );
  assert.equal(linked.painRun?.distanceM, 23000);
  const without = generatePlan(input({ history, journal, weeks: 1, today: addDays(START, -1) }));
  assert.equal(without.painRun, null);
  assert.ok(without.weeks[0]!.sessions.some((s) => s.ceilingM !== null && s.ceilingM > 25000));
  // Settling pain outside a return: still no ceiling over the run that hurt the knee.
  const settling: PainDay[] = [
    { localDate: addDays(START, -1), painDuring: 2, painAfter: 2, painNextMorning: 0 },
  ];
  const build = generatePlan(
    input({ history, journal: settling, weeks: 1, painOnset: onset, today: addDays(START, -1) }),
  );
  assert.equal(build.pain.trend, 'settling');
  assert.equal(build.weeks[0]!.mode, 'build');
  assert.equal(build.painRun?.distanceM, 23000);
  for (const r of build.weeks[0]!.sessions.filter((x) => x.kind === 'run'))
    assert.ok(r.ceilingM! <= 11000 + 1e-6, `${r.date}: ceiling ${r.ceilingM} from the spike`);
  // Two weeks without pain: the plain 10 % rule again, the figure status and Today show.
  const settled: PainDay[] = [
    { localDate: addDays(START, -16), painDuring: 2, painAfter: 2, painNextMorning: 0 },
  ];
  const later = generatePlan(
    input({
      history,
      journal: settled,
      weeks: 1,
      painOnset: { onset: addDays(START, -16), onsetActivityId: null },
      today: addDays(START, -1),
    }),
  );
  assert.equal(later.pain.trend, 'none');
  assert.equal(later.painRun, null);
  assert.ok(later.weeks[0]!.sessions.some((s) => s.ceilingM !== null && s.ceilingM > 25000));
});

test("notes are in the runner's units with the one rounding (ceilings never rounded up)", () => {
  const history = steadyHistory(6, 16960); // ceiling 18.656 km: 18.6 km, never 18.7
  const km = generatePlan(input({ history, weeks: 1 }));
  const notes = km.weeks[0]!.sessions.filter((s) => s.kind === 'run').map((s) => s.note);
  assert.ok(
    notes.some((n) => n.includes('ceiling 18.6 km')),
    notes.join('\n'),
  );
  assert.ok(notes.every((n) => !n.includes('18.7 km')));
  const mi = generatePlan(input({ history, weeks: 1, units: 'mi' }));
  const miNotes = mi.weeks[0]!.sessions.filter((s) => s.kind === 'run').map((s) => s.note);
  assert.ok(
    miNotes.some((n) => n.includes('ceiling 11.5 mi')),
    miNotes.join('\n'),
  );
  assert.ok(miNotes.every((n) => !/\bkm\b/.test(n)));
});

test('a goal below the current volume brings the plan down to it', () => {
  const plan = generatePlan(input({ history: steadyHistory(6), goalKm: 15 }));
  assert.ok(plan.weeks.every((w) => w.plannedRunM <= 15000));
});

test('strength sessions follow the programme phases (2-3 a week)', () => {
  const plan = generatePlan(
    input({
      history: steadyHistory(6),
      programme: { programmeId: 'patellar_tendinopathy', reason: 't', warning: null },
      weeks: 12,
    }),
  );
  const perWeek = plan.weeks.map((w) => w.sessions.filter((s) => s.kind === 'strength').length);
  assert.ok(perWeek.every((n) => n >= 2 && n <= 3));
  assert.ok(plan.weeks[0]!.sessions.find((s) => s.kind === 'strength')!.exercises!.includes('spanish-squat'));
  assert.ok(plan.weeks[2]!.sessions.find((s) => s.kind === 'strength')!.exercises!.includes('leg-press'));
  assert.ok(plan.weeks[8]!.sessions.find((s) => s.kind === 'strength')!.exercises!.includes('pogo-hops'));
});

const historyArb = fc.array(
  fc.record({
    daysBefore: fc.integer({ min: 1, max: 120 }),
    km: fc.double({ min: 0.5, max: 45, noNaN: true }),
  }),
  { maxLength: 60 },
);
const journalArb = fc.array(
  fc.record({
    daysBefore: fc.integer({ min: 0, max: 20 }),
    during: fc.option(fc.integer({ min: 0, max: 10 })),
    morning: fc.option(fc.integer({ min: 0, max: 10 })),
  }),
  { maxLength: 6 },
);

/** The runs and journal the arbitraries describe, dated back from START. */
function pastOf(
  h: { daysBefore: number; km: number }[],
  j: { daysBefore: number; during: number | null; morning: number | null }[],
): { history: HistoryRun[]; journal: PainDay[] } {
  return {
    history: h.map((r) => ({
      localDate: addDays(START, -r.daysBefore),
      distanceM: r.km * 1000,
      movingTimeS: r.km * 330,
    })),
    journal: j.map((p) => ({
      localDate: addDays(START, -3 - p.daysBefore),
      painDuring: p.during,
      painAfter: null,
      painNextMorning: p.morning,
    })),
  };
}

test('property: over random histories no planned run is above its ceiling and weekly growth stays moderate', () => {
  fc.assert(
    fc.property(
      historyArb,
      journalArb,
      fc.integer({ min: 1, max: 16 }),
      fc.option(fc.integer({ min: 1, max: 120 })),
      (h, j, weeks, goal) => {
        const { history, journal } = pastOf(h, j);
        const i = input({ history, journal, weeks, goalKm: goal });
        const plan = generatePlan(i);
        assert.equal(plan.weeks.length, weeks);
        checkCeilings(plan, history);
        checkWeeklyShape(plan, i);
      },
    ),
    { numRuns: 150, seed: 20260302 },
  );
});

test("property: a start inside the week plans the rest of it, then full weeks on the runner's first day", () => {
  fc.assert(
    fc.property(
      historyArb,
      journalArb,
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('monday' as const, 'sunday' as const),
      (h, j, weeks, offset, weekStartsOn) => {
        const start = addDays(START, offset);
        const { history, journal } = pastOf(h, j);
        const i = input({ start, history, journal, weeks, weekStartsOn });
        const plan = generatePlan(i);
        const firstDay = weekStartsOn === 'monday' ? 1 : 0;
        const partial = dayOfWeek(dayNumber(start)) !== firstDay;
        assert.equal(plan.weeks.length, weeks + (partial ? 1 : 0));
        assert.equal(plan.weeks[0]!.weekStart, start, 'the plan opens on its start');
        assert.equal(plan.weeks[0]!.partial === true, partial);
        const full = partial ? plan.weeks.slice(1) : plan.weeks;
        for (const week of full) assert.equal(dayOfWeek(dayNumber(week.weekStart)), firstDay, week.weekStart);
        const days = plan.weeks.flatMap((w) => w.sessions.map((s) => s.date));
        const expectedDays = 7 * weeks + (partial ? dayNumber(full[0]!.weekStart) - dayNumber(start) : 0);
        assert.equal(new Set(days).size, expectedDays, 'every day from the start on is planned, none before');
        assert.ok(days.every((d) => d >= start));
        checkCeilings(plan, history);
        checkWeeklyShape({ ...plan, weeks: full }, i);
      },
    ),
    { numRuns: 150, seed: 20261208 },
  );
});

test('the rest of a week is not a week of running: the first full week holds at the usual load', () => {
  const history = steadyHistory(6);
  const thursday = addDays(START, 3);
  const blocks = generatePlan(input({ history, start: thursday }));
  const calendar = generatePlan(input({ history, start: thursday, weekStartsOn: 'monday' }));
  assert.equal(blocks.weeks.length, 8);
  assert.equal(calendar.weeks.length, 9);
  assert.deepEqual(
    calendar.weeks[0]!.sessions.map((s) => s.date),
    [3, 4, 5, 6].map((d) => addDays(START, d)),
  );
  assert.equal(calendar.weeks[1]!.weekStart, addDays(START, 7));
  // Were the four days a week, the week after them would grow 10 % over their smaller total, or be lighter.
  assert.equal(calendar.weeks[1]!.plannedRunM, blocks.weeks[0]!.plannedRunM);
  assert.equal(calendar.weeks[2]!.plannedRunM, blocks.weeks[1]!.plannedRunM);
});

test('red pain protects the first run day of a plan that starts mid-week', () => {
  const history = steadyHistory(6);
  const journal: PainDay[] = [
    { localDate: addDays(START, -5), painDuring: 7, painAfter: 6, painNextMorning: 5 },
  ];
  // Tuesday: the return template's first run day left this week is Wednesday.
  const plan = generatePlan(input({ history, journal, start: addDays(START, 1), weekStartsOn: 'monday' }));
  const wednesday = plan.weeks[0]!.sessions.find((s) => s.date === addDays(START, 2))!;
  assert.equal(wednesday.kind, 'cross', 'the first run day of the return is a protect day');
  checkCeilings(plan, history);
});

test('runs older than 90 days change nothing but the date of the break before the recent ones', () => {
  const recent = steadyHistory(10);
  // Two very different pasts: a year of long runs, or one short run; both end with the same run 20 weeks out.
  const lastOld = { localDate: addDays(START, -140), distanceM: 5000, movingTimeS: 1800 };
  const busyPast: HistoryRun[] = [];
  for (let back = 500; back > 140; back -= 3) {
    busyPast.push({ localDate: addDays(START, -back), distanceM: 30000, movingTimeS: 10800 });
  }
  const a = generatePlan(input({ history: [...busyPast, lastOld, ...recent] }));
  const b = generatePlan(input({ history: [lastOld, ...recent] }));
  assert.deepEqual(a, b);
  // After a long break the ladder starts either way, whatever came before the break.
  const afterBreak = [{ localDate: addDays(START, -3), distanceM: 2000, movingTimeS: 900 }];
  assert.deepEqual(
    generatePlan(input({ history: [...busyPast, ...afterBreak] })),
    generatePlan(input({ history: [busyPast.at(-1)!, ...afterBreak] })),
  );
});
