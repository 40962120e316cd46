import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityProblems } from '../html-a11y.check.ts';
import type { PainPoint, TrainingRun, TrainingWeek } from '../report-data.ts';
import { cadenceChart } from './cadence.chart.ts';
import { niceMax } from './chart-frame.ts';
import { descentChart } from './descent.chart.ts';
import { runSpikesChart } from './run-spikes.chart.ts';
import { timelineChart } from './timeline.chart.ts';

const WEEKS: TrainingWeek[] = [
  { weekStart: '2025-05-26', distanceM: 28_000, runs: 4, changePct: null, descentM: 240, hasSpike: false },
  { weekStart: '2025-06-02', distanceM: 24_000, runs: 3, changePct: -14.3, descentM: 450, hasSpike: false },
  { weekStart: '2025-06-09', distanceM: 48_000, runs: 4, changePct: 100, descentM: 870, hasSpike: true },
];
const RUNS: TrainingRun[] = [
  { date: '2025-06-11', distanceM: 8000, spikePct: 0, spikeCategory: 'none', descentM: 150, cadenceSpm: 164 },
  {
    date: '2025-06-13',
    distanceM: 8000,
    spikePct: 0,
    spikeCategory: 'none',
    descentM: 150,
    cadenceSpm: null,
  },
  {
    date: '2025-06-15',
    distanceM: 24_000,
    spikePct: 200,
    spikeCategory: 'large',
    descentM: 420,
    cadenceSpm: 162,
  },
];
const WINDOW = { from: '2025-05-26', to: '2025-06-15' };

function wrap(svg: string): string {
  return `<html lang="en"><title>t</title><h1>x</h1>${svg}</html>`;
}

test('timeline: one bar per week in the runner units with the worst pain of that week, onset named', () => {
  const pain: PainPoint[] = [
    { date: '2025-06-10', during: null, after: 6, nextMorning: null, swelling: null, note: null },
  ];
  const svg = timelineChart(WEEKS, pain, '2025-06-10', 'mi').value;
  assert.equal(svg.match(/<rect[^>]*class="bar/g)?.length, 3);
  assert.match(svg, /mi per week; pain 0–10/);
  assert.match(svg, /Pain began 2025-06-10/);
  assert.match(svg, /week of 9 Jun: 29\.8 mi, worst pain 6\/10 \(run spike\)/);
  assert.deepEqual(accessibilityProblems(wrap(svg)), []);
});

test('run spikes: a stem per run, the large spike labelled with its percentage, the desc names it', () => {
  const svg = runSpikesChart(RUNS, WINDOW, '2025-06-15', 'km').value;
  assert.equal(svg.match(/<circle/g)?.length, 3);
  assert.match(svg, /class="dot cat-large"/);
  assert.match(svg, />\+200%</);
  assert.match(svg, /2025-06-15 24\.0 km \(\+200 %\)/);
  assert.match(svg, /class="onset"/);
});

test('descent and cadence skip runs without data and say so when there is none', () => {
  const descent = descentChart(WEEKS, '2025-06-15').value;
  assert.match(descent, /week of 9 Jun: 870 m/);
  const cadence = cadenceChart(RUNS, WINDOW, null).value;
  assert.equal(cadence.match(/<circle/g)?.length, 2);
  assert.match(cadence, /from 162 to 164 steps per minute/);
  const none = cadenceChart(
    RUNS.map((r) => ({ ...r, cadenceSpm: null })),
    WINDOW,
    null,
  ).value;
  assert.match(none, /No cadence recorded/);
  assert.deepEqual(accessibilityProblems(wrap(none)), []);
  assert.match(descentChart([], null).value, /No elevation data/);
  // After a break every week of the window is empty: no axis of zero bars, the sentence instead.
  const noRuns = WEEKS.map((w) => ({ ...w, runs: 0, distanceM: 0, descentM: 0 }));
  assert.match(descentChart(noRuns, null).value, /No runs/);
  assert.doesNotMatch(descentChart(noRuns, null).value, /class="bar/);
});

test('cadence ticks are whole steps per minute, whatever the spread of the runs', () => {
  for (const [low, high] of [
    [158, 176],
    [171, 174],
    [150, 190],
    [158, 170],
  ] as const) {
    const runs = RUNS.map((r, i) => ({ ...r, cadenceSpm: i === 0 ? low : high }));
    const svg = cadenceChart(runs, WINDOW, null).value;
    const ticks = [...svg.matchAll(/<text class="tick"[^>]*text-anchor="end">([^<]+)</g)].map((m) => m[1]!);
    assert.equal(ticks.length, 5, `five ticks for ${low}–${high}`);
    for (const tick of ticks)
      assert.match(tick, /^\d+$/, `a whole number for ${low}–${high}: ${ticks.join(' ')}`);
  }
});

test('empty inputs still give a named, described chart', () => {
  for (const svg of [timelineChart([], [], null, 'km'), runSpikesChart([], WINDOW, null, 'km')]) {
    assert.deepEqual(accessibilityProblems(wrap(svg.value)), []);
  }
});

test('niceMax rounds up to a readable axis end', () => {
  assert.deepEqual([0, 7, 13.7, 48, 101].map(niceMax), [1, 10, 20, 50, 200]);
});
