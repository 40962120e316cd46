/**
 * `npm run bench:load`: on a 10-year (3,000 runs) and a 30-year history, the time of a full recompute of the
 * load report, of the incremental update after one new run (engine.add + report: the new run's windows, the
 * fitness/fatigue and EWMA tails, the weeks from its week on), and of one run back-filled in the middle.
 * Prints medians of several repetitions, wall and CPU time.
 * Targets (issue): full ≤ 100 ms and incremental ≤ 10 ms at 10 years; incremental stays flat with history length.
 */
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/domain/load/calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS, type LoadActivity } from '../src/domain/load/load-activity.ts';
import { computeLoadReport, LoadEngine } from '../src/domain/load/load-engine.ts';
import { buildHistory, makeRun } from '../test/factories/history.factory.ts';

const REPEATS = 21;
const settings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'female' as const, restingHr: 52, maxHr: null };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Wall and this process's CPU time: on a shared machine the CPU figure shows our own cost. */
function time(fn: () => void, cpu: number[]): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(c0);
  cpu.push((used.user + used.system) / 1000);
  return wall;
}

function measure(label: string, history: LoadActivity[]): void {
  const runCount = history.filter((a) => a.sport.endsWith('run')).length;
  const last = history.reduce((a, b) => (a.startMs > b.startMs ? a : b));
  const asOf = addDays(last.localDate, 1);
  // Warm-up so the JIT has seen the code paths (the server pays this once per process either way).
  for (let i = 0; i < 3; i += 1) computeLoadReport(history, asOf, settings);

  const full: number[] = [];
  const fullCpu: number[] = [];
  for (let i = 0; i < REPEATS; i += 1)
    full.push(time(() => computeLoadReport(history, asOf, settings), fullCpu));

  /** One engine per repetition, reported once (as the server holds it), then one run added and reported. */
  const addOne = (newRun: (i: number) => LoadActivity) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const engine = LoadEngine.build(history, settings);
      engine.report(asOf);
      const run = newRun(i);
      wall.push(
        time(() => {
          engine.add(run);
          engine.report(asOf);
        }, cpu),
      );
    }
    return { wall: median(wall), cpu: median(cpu) };
  };
  const incremental = addOne((i) =>
    makeRun({ id: `bench-new-${i}`, localDate: asOf, distanceM: 10_000, avgHeartRate: 150 }, { hour: 7 }),
  );
  // A back-filled run in the middle: its 90-day shadow and everything after it in the series are redone.
  const middleDate = history[Math.floor(history.length / 2)]!.localDate;
  const middle = addOne((i) =>
    makeRun({ id: `bench-old-${i}`, localDate: middleDate, distanceM: 12_000 }, { hour: 5 }),
  );
  const weeks = computeLoadReport(history, asOf, settings).weeks.length;
  const fullMs = median(full);
  console.log(`${label}: ${history.length} activities, ${runCount} runs, ${weeks} weeks, asOf ${asOf}`);
  console.log(
    `  full recompute (build + report):      median ${fullMs.toFixed(2).padStart(7)} ms wall, ${median(fullCpu).toFixed(2).padStart(7)} ms CPU`,
  );
  console.log(
    `  incremental (add one new run + report): median ${incremental.wall.toFixed(2).padStart(5)} ms wall, ${incremental.cpu.toFixed(2).padStart(7)} ms CPU  (${(fullMs / incremental.wall).toFixed(0)}× faster than full)`,
  );
  console.log(
    `  one run back-filled on ${middleDate}: median ${middle.wall.toFixed(2).padStart(5)} ms wall, ${middle.cpu.toFixed(2).padStart(7)} ms CPU`,
  );
}

console.log(
  `Load engine, medians over ${REPEATS} repetitions (targets at 10 years: full ≤ 100 ms, incremental ≤ 10 ms)`,
);
measure('10 years', buildHistory({ years: 10, runsPerWeek: 6, seed: 42, maxRuns: 3000, breakChance: 0.01 }));
measure('30 years', buildHistory({ years: 30, runsPerWeek: 6, seed: 42, breakChance: 0.01 }));
