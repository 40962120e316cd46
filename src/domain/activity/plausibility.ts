/**
 * Values that cannot be true. A corrupted or hostile file can state anything (42,949 km in 30 minutes, an
 * average heart rate of 1.67e9, a time-zone offset of +99:99), and one such run poisons every ceiling and
 * trend computed after it. Every imported activity passes through `checkActivity` before it is stored:
 *
 * - a start instant outside [1989-01-01, the end of tomorrow] is refused (START_TIME_IMPLAUSIBLE);
 * - an offset beyond ±14:00 (the widest real zones, Kiribati +14 and Baker Island −12) is dropped, and the day
 *   is found from the coordinates or the runner's zone instead (UTC_OFFSET_IMPLAUSIBLE, a warning);
 * - text fields longer than their bound are cut (TEXT_TRUNCATED, a warning);
 * - a total beyond the physical limits below is recomputed from the samples when the file has them
 *   (TOTAL_RECOMPUTED, a warning), else the activity is refused (TOTAL_IMPLAUSIBLE, naming field and value).
 *
 * The limits are deliberately generous: they exist to stop values no human activity can produce, not to
 * judge unusual but real ones (a 24-hour race, a 3,000 m mountain day, a bike descent).
 */

import { KneewiseError } from '../errors.ts';
import type { ParsedActivity, StatedTotals } from './activity.ts';
import { trimCorruptTail } from './corrupt-tail.ts';
import { HEART_RATE_RANGE } from './heart-rate-range.ts';
import { isRunningSport, type Sport } from './sport.ts';
import type { ActivitySummary } from './summary.ts';

export const PLAUSIBILITY_CODES = {
  START_TIME_IMPLAUSIBLE: 'START_TIME_IMPLAUSIBLE',
  TOTAL_IMPLAUSIBLE: 'TOTAL_IMPLAUSIBLE',
  TOTAL_RECOMPUTED: 'TOTAL_RECOMPUTED',
  UTC_OFFSET_IMPLAUSIBLE: 'UTC_OFFSET_IMPLAUSIBLE',
  TEXT_TRUNCATED: 'TEXT_TRUNCATED',
  SAMPLES_TRIMMED: 'SAMPLES_TRIMMED',
} as const;

/** No consumer GPS or heart-rate device recorded activities before 1989 (FIT's epoch is 1989-12-31). */
export const EARLIEST_START_MS = Date.UTC(1989, 0, 1);
export const EARLIEST_LOCAL_DATE = '1989-01-01';
const DAY_MS = 86_400_000;

/** ±14:00: UTC+14 (Line Islands) and UTC−12 are the extremes of civil time. */
export const MAX_UTC_OFFSET_S = 14 * 3600;

/**
 * Average speed over the activity's moving time, metres per second, by sport:
 * - on foot 12.5 m/s: Usain Bolt's 100 m world record averages 10.4 m/s (peak ~12.4); no run, walk or hike
 *   averages more over its whole distance;
 * - ride 30 m/s (108 km/h): far above any road race average, still below a long pro descent only at its peak;
 * - swim 5 m/s: the 50 m freestyle record is 2.4 m/s; 5 leaves room for a current;
 * - other 100 m/s (360 km/h): skiing, paragliding or a car journey recorded by mistake are still below it.
 */
const MAX_SPEED_MPS: Record<'foot' | 'ride' | 'swim' | 'other', number> = {
  foot: 12.5,
  ride: 30,
  swim: 5,
  other: 100,
};
/** GPS's first fix can jump a few hundred metres: short activities get this much distance for free. */
const DISTANCE_SLACK_M = 500;
/** The longest single recording we accept: multi-day ultras (e.g. 350 km in 6 days) stay under a week. */
export const MAX_DURATION_S = 7 * 86_400;
/** Whatever the speed, no single human-powered activity covers more (the longest ultras are ~5,000 km). */
const MAX_DISTANCE_M = 5_000_000;
/** Steps (run) or revolutions (ride) per minute: sprinters reach ~270 spm. */
const MAX_CADENCE = 300;
/**
 * Climbing speed: the vertical-kilometre record is ~1,000 m in 29 min (~2,100 m/h); 3,000 m/h is out of
 * reach for anyone. Descending is faster (lifts, bike descents, diving): 10,000 m/h. Barometric jitter on
 * very short activities gets 200 m of slack.
 */
const MAX_ASCENT_M_PER_H = 3_000;
const MAX_DESCENT_M_PER_H = 10_000;
const ELEVATION_SLACK_M = 200;
/** A day of ultra-endurance burns ~15,000 kcal; a week can never reach this. */
const MAX_CALORIES = 100_000;
/** Timer and moving time may exceed elapsed time by rounding only. */
const TIME_ROUNDING_S = 60;

/** Text bounds, characters: long enough for any real title or note, short enough to never bloat a page. */
export const TEXT_LIMITS = {
  name: 200,
  description: 5_000,
  device: 120,
  gearName: 120,
  rawSport: 80,
  externalId: 100,
} as const;

export interface PlausibilityWarning {
  code: string;
  message: string;
}

/** A refusal: the activity is not stored. `field` and `value` say what cannot be true. */
export class ImplausibleActivityError extends KneewiseError {
  constructor(
    code: string,
    readonly field: string,
    readonly value: number | string,
    message: string,
  ) {
    super(code, message, 'input', { field, value });
    this.name = 'ImplausibleActivityError';
  }
}

export interface Problem {
  field: string;
  value: number;
  expected: string;
  /** The stated totals that, set aside, let the summary be derived from the samples instead. */
  stated: readonly (keyof StatedTotals)[];
}

function speedClass(sport: Sport): keyof typeof MAX_SPEED_MPS {
  if (isRunningSport(sport) || sport === 'walk' || sport === 'hike') return 'foot';
  if (sport === 'ride' || sport === 'swim') return sport;
  return 'other';
}

/** The latest start we accept: the end of tomorrow (UTC), so a run in any zone ahead of the clock passes. */
export function latestStartMs(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS) * DAY_MS + 2 * DAY_MS;
}

/** The last calendar day a stored entry (run or journal) may carry: tomorrow, in UTC terms. */
export function latestLocalDate(nowMs: number): string {
  return new Date(latestStartMs(nowMs) - 1).toISOString().slice(0, 10);
}

export function checkStartTime(startMs: number, nowMs: number): void {
  if (Number.isFinite(startMs) && startMs >= EARLIEST_START_MS && startMs < latestStartMs(nowMs)) return;
  const shown =
    Number.isFinite(startMs) && Math.abs(startMs) < 8.64e15
      ? new Date(startMs).toISOString()
      : String(startMs);
  throw new ImplausibleActivityError(
    PLAUSIBILITY_CODES.START_TIME_IMPLAUSIBLE,
    'start',
    shown,
    `The start time ${shown} cannot be right: expected a date from ${EARLIEST_LOCAL_DATE} to ${latestLocalDate(nowMs)} (tomorrow).`,
  );
}

const TIME_FIELDS = ['timerS', 'elapsedS', 'movingS'] as const;
const SPEED_FIELDS = ['distanceM', ...TIME_FIELDS] as const;

/** Every value of a summary that cannot be true, in a fixed order (the first one names a refusal). */
export function implausibleTotals(s: ActivitySummary): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, value: number, expected: string, stated: readonly (keyof StatedTotals)[]) =>
    problems.push({ field, value, expected, stated });

  if (!Number.isFinite(s.distanceM) || s.distanceM < 0 || s.distanceM > MAX_DISTANCE_M)
    add('distance', s.distanceM, `0 to ${MAX_DISTANCE_M / 1000} km`, ['distanceM']);
  for (const [field, value] of [
    ['elapsed time', s.elapsedTimeS],
    ['moving time', s.movingTimeS],
    ['timer time', s.timerTimeS],
  ] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > MAX_DURATION_S))
      add(field, value, `0 s to ${MAX_DURATION_S / 86_400} days`, TIME_FIELDS);
  }
  if (s.movingTimeS > s.elapsedTimeS + TIME_ROUNDING_S)
    add('moving time', s.movingTimeS, `at most the elapsed time (${s.elapsedTimeS} s)`, TIME_FIELDS);

  const duration = Math.max(s.movingTimeS, 0) || Math.max(s.elapsedTimeS, 0);
  const limit = MAX_SPEED_MPS[speedClass(s.sport)];
  if (problems.length === 0 && duration > 0 && s.distanceM > limit * duration + DISTANCE_SLACK_M) {
    add(
      'distance',
      s.distanceM,
      `at most ${limit} m/s over ${Math.round(duration)} s for a ${s.sport} (${Math.round(limit * duration + DISTANCE_SLACK_M)} m)`,
      SPEED_FIELDS,
    );
  }

  const hours = Math.max(s.elapsedTimeS, 0) / 3600;
  const elevation = [
    ['ascent', s.ascentM, MAX_ASCENT_M_PER_H, 'ascentM'],
    ['descent', s.descentM, MAX_DESCENT_M_PER_H, 'descentM'],
  ] as const;
  for (const [field, value, rate, key] of elevation) {
    if (value === null) continue;
    const max = rate * hours + ELEVATION_SLACK_M;
    if (!Number.isFinite(value) || value < 0 || value > max)
      add(field, value, `0 to ${Math.round(max)} m, at most ${rate} m an hour`, [key]);
  }
  for (const [field, value, key] of [
    ['average heart rate', s.avgHeartRate, 'avgHeartRate'],
    ['maximum heart rate', s.maxHeartRate, 'maxHeartRate'],
  ] as const) {
    if (value !== null && !(value >= HEART_RATE_RANGE[0] && value <= HEART_RATE_RANGE[1]))
      add(field, value, `${HEART_RATE_RANGE[0]} to ${HEART_RATE_RANGE[1]} beats/min`, [key]);
  }
  if (
    s.avgHeartRate !== null &&
    s.maxHeartRate !== null &&
    problems.length === 0 &&
    s.avgHeartRate > s.maxHeartRate + 1
  )
    add('average heart rate', s.avgHeartRate, `at most the maximum (${s.maxHeartRate})`, [
      'avgHeartRate',
      'maxHeartRate',
    ]);
  if (s.avgCadenceSpm !== null && !(s.avgCadenceSpm >= 0 && s.avgCadenceSpm <= MAX_CADENCE))
    add('average cadence', s.avgCadenceSpm, `0 to ${MAX_CADENCE} per minute`, ['avgCadenceSpm']);
  if (s.calories !== null && !(s.calories >= 0 && s.calories <= MAX_CALORIES))
    add('calories', s.calories, `0 to ${MAX_CALORIES} kcal`, ['calories']);
  return problems;
}

/**
 * Stated totals the samples contradict: a file whose samples cover its whole duration but add up to far less
 * distance than its session claims (a corrupted session message). The samples win.
 */
function contradictedBySamples(parsed: ParsedActivity): Problem[] {
  const s = parsed.streams;
  const stated = parsed.totals.distanceM;
  if (!s?.distanceM || stated === null || s.timeS.length < 2) return [];
  const sampled = lastFinite(s.distanceM);
  if (sampled === null) return [];
  const span = s.timeS[s.timeS.length - 1]! - s.timeS[0]!;
  const statedTime = parsed.totals.elapsedS ?? parsed.totals.timerS;
  // Samples that cover only part of the activity (a truncated file) can't contradict its totals.
  if (statedTime !== null && span < 0.9 * statedTime) return [];
  if (stated > 2 * sampled + 2000) {
    return [
      {
        field: 'distance',
        value: stated,
        expected: `about the ${Math.round(sampled)} m its own samples cover`,
        stated: SPEED_FIELDS,
      },
    ];
  }
  return [];
}

/** The sport in a sentence ("not possible for a trail run"), not its id ("for a trail_run", "for a other"). */
const SPORT_IN_WORDS: Record<Sport, string> = {
  run: 'a run',
  trail_run: 'a trail run',
  treadmill_run: 'a treadmill run',
  track_run: 'a track run',
  walk: 'a walk',
  hike: 'a hike',
  ride: 'a ride',
  swim: 'a swim',
  other: 'an activity',
};

/** The unit each checked field is stated in, so a message reads "ascent 2100.64 m", never a bare number. */
const FIELD_UNITS: Record<string, string> = {
  distance: 'm',
  ascent: 'm',
  descent: 'm',
  'elapsed time': 's',
  'moving time': 's',
  'timer time': 's',
  'average heart rate': 'beats/min',
  'maximum heart rate': 'beats/min',
  'average cadence': 'per minute',
  calories: 'kcal',
};

function describe(p: Problem, sport: Sport): string {
  const unit = FIELD_UNITS[p.field];
  const value = unit === undefined ? formatValue(p.value) : `${formatValue(p.value)} ${unit}`;
  return `${p.field} ${value} is not possible for ${SPORT_IN_WORDS[sport]} (expected ${p.expected})`;
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e7 ? v.toExponential(3) : String(Math.round(v * 100) / 100);
}

export interface CheckedActivity {
  parsed: ParsedActivity;
  summary: ActivitySummary;
  warnings: PlausibilityWarning[];
}

/**
 * The activity as it may be stored, with what was changed, or an ImplausibleActivityError. `summarize` is
 * the summariser bound to the edge's offset resolution (summarizeActivity).
 */
export function checkActivity(
  input: ParsedActivity,
  nowMs: number,
  summarize: (parsed: ParsedActivity) => ActivitySummary,
): CheckedActivity {
  checkStartTime(input.startMs, nowMs);
  const warnings: PlausibilityWarning[] = [];
  let parsed = boundTexts(input, warnings);
  if (
    parsed.utcOffsetS !== null &&
    !(Number.isFinite(parsed.utcOffsetS) && Math.abs(parsed.utcOffsetS) <= MAX_UTC_OFFSET_S)
  ) {
    warnings.push({
      code: PLAUSIBILITY_CODES.UTC_OFFSET_IMPLAUSIBLE,
      message: `The file's time-zone offset ${formatOffset(parsed.utcOffsetS)} is beyond ±14:00; the day was found from the location or your time zone instead.`,
    });
    parsed = { ...parsed, utcOffsetS: null };
  }
  if (parsed.streams) {
    const { streams, dropped } = trimCorruptTail(parsed.streams);
    if (dropped > 0) {
      warnings.push({
        code: PLAUSIBILITY_CODES.SAMPLES_TRIMMED,
        message: `${dropped} sample${dropped === 1 ? '' : 's'} at the end had impossible times (a damaged file) and ${dropped === 1 ? 'was' : 'were'} left out.`,
      });
      parsed = { ...parsed, streams };
    }
  }
  let summary = summarize(parsed);
  let problems = [...contradictedBySamples(parsed), ...implausibleTotals(summary)];
  if (problems.length === 0) return { parsed, summary, warnings };

  if (parsed.streams && parsed.streams.timeS.length >= 2) {
    // Set the offending stated totals aside: the summariser then derives them from the samples.
    const totals = { ...parsed.totals };
    for (const p of problems) for (const key of p.stated) totals[key] = null;
    const retry = { ...parsed, totals };
    const retried = summarize(retry);
    const remaining = implausibleTotals(retried);
    if (remaining.length === 0) {
      for (const p of problems) {
        warnings.push({
          code: PLAUSIBILITY_CODES.TOTAL_RECOMPUTED,
          message: `The file states ${describe(p, parsed.sport)}; it was recomputed from the recorded samples.`,
        });
      }
      return { parsed: retry, summary: retried, warnings };
    }
    summary = retried;
    problems = remaining;
  }
  const first = problems[0]!;
  throw new ImplausibleActivityError(
    PLAUSIBILITY_CODES.TOTAL_IMPLAUSIBLE,
    first.field,
    first.value,
    `The activity was not imported: ${describe(first, summary.sport)}.`,
  );
}

function boundTexts(parsed: ParsedActivity, warnings: PlausibilityWarning[]): ParsedActivity {
  let out = parsed;
  for (const key of Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[]) {
    const value = out[key];
    const max = TEXT_LIMITS[key];
    if (typeof value === 'string' && value.length > max) {
      out = { ...out, [key]: value.slice(0, max) };
      warnings.push({
        code: PLAUSIBILITY_CODES.TEXT_TRUNCATED,
        message: `The activity's ${key} (${value.length} characters) was cut to ${max} characters.`,
      });
    }
  }
  return out;
}

function formatOffset(s: number): string {
  if (!Number.isFinite(s)) return String(s);
  const sign = s < 0 ? '−' : '+';
  const m = Math.round(Math.abs(s) / 60);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function lastFinite(a: ArrayLike<number>): number | null {
  for (let i = a.length - 1; i >= 0; i--) if (Number.isFinite(a[i]!)) return a[i]!;
  return null;
}
