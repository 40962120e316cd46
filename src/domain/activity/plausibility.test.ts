import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ActivityStreams, emptyTotals, type ParsedActivity, type StatedTotals } from './activity.ts';
import {
  checkActivity,
  ImplausibleActivityError,
  implausibleTotals,
  latestLocalDate,
  PLAUSIBILITY_CODES,
  TEXT_LIMITS,
} from './plausibility.ts';
import { summarizeActivity } from './summary.ts';

const NOW = Date.parse('2026-12-03T19:00:00Z');
const START = Date.parse('2026-11-01T06:00:00Z');
const summarize = (p: ParsedActivity) =>
  summarizeActivity(p, () => ({ utcOffsetS: 3600, basis: 'user' as const }));

/** 30 minutes at 1 Hz, 3 m/s, heart rate 150: a plain 5.4 km run. */
function samples(): ActivityStreams {
  const n = 1801;
  const timeS = new Float64Array(n);
  const distanceM = new Float64Array(n);
  const hr = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    timeS[i] = i;
    distanceM[i] = 3 * i;
    hr[i] = 150;
  }
  return {
    timeS,
    latDeg: null,
    lonDeg: null,
    distanceM,
    altitudeM: null,
    speedMps: null,
    heartRateBpm: hr,
    cadenceSpm: null,
    powerW: null,
  };
}

function run(totals: Partial<StatedTotals>, extra: Partial<ParsedActivity> = {}): ParsedActivity {
  return {
    format: 'fit',
    sport: 'run',
    rawSport: 'running',
    startMs: START,
    utcOffsetS: 3600,
    totals: { ...emptyTotals(), ...totals },
    streams: null,
    device: null,
    name: null,
    description: null,
    gearName: null,
    externalId: null,
    ...extra,
  };
}

function refusal(fn: () => unknown): ImplausibleActivityError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ImplausibleActivityError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

test('a plain run passes unchanged', () => {
  const checked = checkActivity(run({ distanceM: 10_000, timerS: 3000, avgHeartRate: 150 }), NOW, summarize);
  assert.deepEqual(checked.warnings, []);
  assert.equal(checked.summary.distanceM, 10_000);
});

test('start times before 1989 or after tomorrow are refused with the value', () => {
  for (const iso of ['9999-06-01T06:00:00Z', '1985-05-01T06:00:00Z', '2026-12-05T00:00:00Z']) {
    const e = refusal(() => checkActivity(run({}, { startMs: Date.parse(iso) }), NOW, summarize));
    assert.equal(e.code, PLAUSIBILITY_CODES.START_TIME_IMPLAUSIBLE);
    assert.equal(e.value, new Date(iso).toISOString());
    assert.match(e.message, new RegExp(iso.slice(0, 10)));
  }
  // Tomorrow late evening is still accepted (a zone ahead of the clock).
  checkActivity(run({}, { startMs: Date.parse('2026-12-04T23:00:00Z') }), NOW, summarize);
  assert.equal(latestLocalDate(NOW), '2026-12-04');
  const nan = refusal(() => checkActivity(run({}, { startMs: Number.NaN }), NOW, summarize));
  assert.equal(nan.code, PLAUSIBILITY_CODES.START_TIME_IMPLAUSIBLE);
});

test('the totals of the audit are refused when there are no samples, naming field and value', () => {
  const cases: [Partial<StatedTotals>, string, number][] = [
    [{ distanceM: 42_949_000, timerS: 1800 }, 'distance', 42_949_000],
    [{ distanceM: 1e12, timerS: 3600 }, 'distance', 1e12],
    [{ distanceM: -5000, timerS: 1800 }, 'distance', -5000],
    [{ distanceM: 5000, timerS: 1800, movingS: -1800 }, 'moving time', -1800],
    [{ distanceM: 5000, timerS: 1800, ascentM: 1e11 }, 'ascent', 1e11],
    [{ distanceM: 5000, timerS: 1800, avgHeartRate: 1.67e9 }, 'average heart rate', 1.67e9],
    [{ distanceM: 5000, elapsedS: 24 * 365 * 86_400 }, 'elapsed time', 24 * 365 * 86_400],
    [{ distanceM: 19_502_000, timerS: 92 }, 'distance', 19_502_000],
  ];
  for (const [totals, field, value] of cases) {
    const e = refusal(() => checkActivity(run(totals), NOW, summarize));
    assert.equal(e.code, PLAUSIBILITY_CODES.TOTAL_IMPLAUSIBLE, field);
    assert.equal(e.field, field);
    assert.equal(e.value, value);
    assert.match(e.message, new RegExp(field));
    assert.match(e.message, / is not possible for a run /, 'the sport in words');
    assert.match(e.message, /\d (m|s|beats\/min) is not possible/, 'the value carries its unit');
  }
  const other = refusal(() =>
    checkActivity(run({ distanceM: 1e10, timerS: 60 }, { sport: 'other' }), NOW, summarize),
  );
  assert.match(other.message, / is not possible for an activity /, 'never "for a other"');
});

test("a corrupted session's totals are recomputed from the samples (19,502 km in 92 s)", () => {
  const checked = checkActivity(
    run({ distanceM: 19_502_000, timerS: 92, elapsedS: 92, avgHeartRate: 1.67e9 }, { streams: samples() }),
    NOW,
    summarize,
  );
  assert.equal(checked.summary.distanceM, 5400);
  assert.equal(checked.summary.elapsedTimeS, 1800);
  assert.equal(checked.summary.avgHeartRate, 150);
  assert.ok(checked.warnings.every((w) => w.code === PLAUSIBILITY_CODES.TOTAL_RECOMPUTED));
  assert.match(checked.warnings.map((w) => w.message).join(' '), /distance 1\.950e\+7/);
});

test('a stated distance its own samples contradict is recomputed, a truncated recording is not', () => {
  const contradicted = checkActivity(
    run({ distanceM: 14_000, timerS: 1800 }, { streams: samples() }),
    NOW,
    summarize,
  );
  assert.equal(contradicted.summary.distanceM, 5400);
  // Samples covering a third of the stated time cannot contradict the stated total.
  const truncated = checkActivity(
    run({ distanceM: 16_000, timerS: 5400, elapsedS: 5400 }, { streams: samples() }),
    NOW,
    summarize,
  );
  assert.equal(truncated.summary.distanceM, 16_000);
  assert.deepEqual(truncated.warnings, []);
});

test('heart-rate samples no heart can produce are gaps, not averages', () => {
  const s = samples();
  s.heartRateBpm![10] = 1.67e9;
  const checked = checkActivity(run({}, { streams: s }), NOW, summarize);
  assert.equal(checked.summary.maxHeartRate, 150);
});

test('an offset beyond ±14:00 is dropped for the location or the user zone', () => {
  const checked = checkActivity(
    run({ distanceM: 5000, timerS: 1800 }, { utcOffsetS: 99 * 3600 + 99 * 60 }),
    NOW,
    summarize,
  );
  assert.equal(checked.summary.utcOffsetS, 3600);
  assert.equal(checked.summary.localDateBasis, 'user');
  assert.equal(checked.warnings[0]?.code, PLAUSIBILITY_CODES.UTC_OFFSET_IMPLAUSIBLE);
  assert.match(checked.warnings[0]?.message ?? '', /\+100:39/);
});

test('long texts are cut to their bound', () => {
  const checked = checkActivity(
    run({}, { name: 'x'.repeat(10_000), device: 'd'.repeat(1000) }),
    NOW,
    summarize,
  );
  assert.equal(checked.parsed.name?.length, TEXT_LIMITS.name);
  assert.equal(checked.parsed.device?.length, TEXT_LIMITS.device);
  assert.equal(checked.warnings.filter((w) => w.code === PLAUSIBILITY_CODES.TEXT_TRUNCATED).length, 2);
});

test('limits are per sport: 25 m/s is a fast ride, not a run', () => {
  const ride = summarize(run({ distanceM: 90_000, timerS: 3600 }, { sport: 'ride' }));
  assert.deepEqual(implausibleTotals(ride), []);
  const running = summarize(run({ distanceM: 90_000, timerS: 3600 }));
  assert.equal(implausibleTotals(running)[0]?.field, 'distance');
  // A real 24-hour race and a steep mountain day pass.
  assert.deepEqual(
    implausibleTotals(summarize(run({ distanceM: 300_000, timerS: 86_400, ascentM: 5000 }))),
    [],
  );
});
