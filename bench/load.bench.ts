/**
 * `npm run bench:load`: time of a full recompute of the load report over a 10-year, 3,000-run history, and of
 * the incremental update after one new run (engine.add + report). Prints medians of several repetitions.
 * Targets (issue): full ≤ 100 ms, incremental ≤ 10 ms on the project machine.
 */
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/domain/load/calendar-day.ts';
import { DEFAULT_ATHLETE_SETTINGS } from '../src/domain/load/load-activity.ts';
import { computeLoadReport, LoadEngine } from '../src/domain/load/load-engine.ts';
import { buildHistory, makeRun } from '../test/factories/history.factory.ts';

const RUNS = 3000;
const REPEATS = 21;
const settings = { ...DEFAULT_ATHLETE_SETTINGS, sex: 'female' as const, restingHr: 52, maxHr: null };

const history = buildHistory({ years: 10, runsPerWeek: 6, seed: 42, maxRuns: RUNS, breakChance: 0.01 });
const runCount = history.filter((a) => a.sport.endsWith('run')).length;
const last = history.reduce((a, b) => (a.startMs > b.startMs ? a : b));
const asOf = addDays(last.localDate, 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Wall time and this process's CPU time: on a shared machine the CPU figure shows our own cost. */
const cpu: number[] = [];
function time(fn: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(c0);
  cpu.push((used.user + used.system) / 1000);
  return wall;
}

// Warm-up so the JIT has seen the code paths (the CLI pays this once per process either way).
for (let i = 0; i < 3; i += 1) computeLoadReport(history, asOf, settings);

const full: number[] = [];
for (let i = 0; i < REPEATS; i += 1) full.push(time(() => computeLoadReport(history, asOf, settings)));
const fullCpu = cpu.splice(0);

const incremental: number[] = [];
for (let i = 0; i < REPEATS; i += 1) {
  const engine = LoadEngine.build(history, settings);
  engine.report(asOf);
  const newRun = makeRun(
    { id: `bench-new-${i}`, localDate: asOf, distanceM: 10_000, avgHeartRate: 150 },
    { hour: 7 },
  );
  incremental.push(
    time(() => {
      engine.add(newRun);
      engine.report(asOf);
    }),
  );
}

const incrementalCpu = cpu.splice(0);

// A back-filled run in the middle of the history: its 90-day shadow and the fitness series after it are redone.
const middle: number[] = [];
const middleDate = history[Math.floor(history.length / 2)]!.localDate;
for (let i = 0; i < REPEATS; i += 1) {
  const engine = LoadEngine.build(history, settings);
  engine.report(asOf);
  const oldRun = makeRun({ id: `bench-old-${i}`, localDate: middleDate, distanceM: 12_000 }, { hour: 5 });
  middle.push(
    time(() => {
      engine.add(oldRun);
      engine.report(asOf);
    }),
  );
}
const middleCpu = cpu.splice(0);
const report = computeLoadReport(history, asOf, settings);
const fullMs = median(full);
const incMs = median(incremental);
console.log(
  `history: ${history.length} activities, ${runCount} runs, ${report.weeks.length} weeks, asOf ${asOf}`,
);
console.log(
  `full recompute (build + report): median ${fullMs.toFixed(2)} ms wall, ${median(fullCpu).toFixed(2)} ms CPU over ${REPEATS} (target ≤ 100 ms) ${fullMs <= 100 ? 'OK' : 'OVER'}`,
);
console.log(
  `incremental (add one run + report): median ${incMs.toFixed(2)} ms wall, ${median(incrementalCpu).toFixed(2)} ms CPU over ${REPEATS} (target ≤ 10 ms) ${incMs <= 10 ? 'OK' : 'OVER'}`,
);
console.log(
  `incremental, one run back-filled on ${middleDate}: median ${median(middle).toFixed(2)} ms wall, ${median(middleCpu).toFixed(2)} ms CPU over ${REPEATS}`,
);
