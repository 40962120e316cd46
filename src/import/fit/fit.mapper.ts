/**
 * Turns collected FIT messages into our ParsedActivity values: one per session (multisport files give one
 * per leg), or one from laps/records when the file has no session (unterminated recordings).
 */
import type { ActivityStreams, ParsedActivity, StatedTotals } from '../../domain/activity/activity.ts';
import { emptyTotals } from '../../domain/activity/activity.ts';
import type { Sport } from '../../domain/activity/sport.ts';
import { IMPORT_CODES } from '../../domain/errors.ts';
import { COL, type FitCollector, type RecordColumns } from './fit.collector.ts';
import { FIT_EPOCH_MS, FIT_MIN_UTC_TIME, SUM } from './fit.profile.ts';
import type { FitWarning } from './fit.reader.ts';
import { deviceName, sportName, subSportName } from './fit-names.ts';

/** FIT sport / sub_sport → our Sport. */
export function mapSport(sport: number, subSport: number): Sport {
  switch (sport) {
    case 1: // running
      if (subSport === 3) return 'trail_run';
      if (subSport === 1 || subSport === 45) return 'treadmill_run'; // treadmill, indoor_running
      if (subSport === 4) return 'track_run';
      return 'run';
    case 11:
      return 'walk';
    case 17:
      return 'hike';
    case 2:
      return 'ride';
    case 5:
      return 'swim';
    default:
      return 'other';
  }
}

/** Sports whose FIT cadence counts strides (one foot): doubled to steps/min for us. */
const STRIDE_SPORTS: ReadonlySet<Sport> = new Set<Sport>([
  'run',
  'trail_run',
  'treadmill_run',
  'track_run',
  'walk',
  'hike',
]);

export function rawSportName(sport: number, subSport: number): string {
  if (Number.isNaN(sport)) return 'unknown';
  return Number.isNaN(subSport) ? sportName(sport) : `${sportName(sport)}/${subSportName(subSport)}`;
}

/** How FIT seconds become UTC epoch ms for this file; `shift` re-bases device-relative times. */
interface TimeBase {
  shift: number;
  resolved: boolean;
}

/**
 * FIT date_times below 0x10000000 count seconds since the device powered on (FR70 and similar). They become
 * UTC only with an anchor: a timestamp_correlation (UTC ↔ system time), or file_id.time_created when that
 * one is a real UTC time (taken as the instant of the first relative time). Without an anchor the start is
 * unknown: startMs is NaN and a FIT_DEVICE_RELATIVE_TIME warning says so.
 */
function timeBase(c: FitCollector, firstTime: number, warnings: FitWarning[]): TimeBase {
  if (Number.isNaN(firstTime) || firstTime >= FIT_MIN_UTC_TIME) return { shift: 0, resolved: true };
  const corr = c.correlation;
  if (corr && corr.timestamp >= FIT_MIN_UTC_TIME && corr.systemTimestamp < FIT_MIN_UTC_TIME) {
    warnings.push({
      code: IMPORT_CODES.FIT_DEVICE_RELATIVE_TIME,
      message: 'FIT times are device-relative; placed in UTC with the file’s timestamp_correlation message',
    });
    return { shift: corr.timestamp - corr.systemTimestamp, resolved: true };
  }
  const created = c.fileIds.find((f) => f.timeCreated >= FIT_MIN_UTC_TIME)?.timeCreated;
  if (created !== undefined) {
    warnings.push({
      code: IMPORT_CODES.FIT_DEVICE_RELATIVE_TIME,
      message:
        'FIT times are device-relative; placed in UTC assuming the file was created when recording began',
    });
    return { shift: created - firstTime, resolved: true };
  }
  warnings.push({
    code: IMPORT_CODES.FIT_DEVICE_RELATIVE_TIME,
    message:
      'FIT times count seconds since the device was switched on and the file holds no UTC anchor: the start date is unknown (startMs is NaN); streams and totals are kept',
  });
  return { shift: 0, resolved: false };
}

function orNull(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}

function totalsFrom(sum: Float64Array, sport: Sport): StatedTotals {
  const totals = emptyTotals();
  totals.distanceM = orNull(sum[SUM.DISTANCE]);
  totals.timerS = orNull(sum[SUM.TIMER]);
  totals.elapsedS = orNull(sum[SUM.ELAPSED]);
  totals.ascentM = orNull(sum[SUM.ASCENT]);
  totals.descentM = orNull(sum[SUM.DESCENT]);
  totals.avgHeartRate = orNull(sum[SUM.AVG_HR]);
  totals.maxHeartRate = orNull(sum[SUM.MAX_HR]);
  totals.calories = orNull(sum[SUM.CALORIES]);
  const cadence = sum[SUM.AVG_CADENCE] as number;
  if (!Number.isNaN(cadence)) {
    const fractional = sum[SUM.AVG_FRACTIONAL_CADENCE] as number;
    const perLeg = cadence + (Number.isNaN(fractional) ? 0 : fractional);
    totals.avgCadenceSpm = STRIDE_SPORTS.has(sport) ? perLeg * 2 : perLeg;
  }
  return totals;
}

/** Sums laps into session-like totals, for files that never wrote a session (recording cut short). */
function summariseLaps(laps: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(SUM.START_LON + 1).fill(Number.NaN);
  if (laps.length === 0) return out;
  const add = (slot: number, lap: Float64Array) => {
    const v = lap[slot] as number;
    if (!Number.isNaN(v)) out[slot] = (Number.isNaN(out[slot] as number) ? 0 : (out[slot] as number)) + v;
  };
  let hrWeight = 0;
  let hrSum = 0;
  for (const lap of laps) {
    for (const slot of [SUM.DISTANCE, SUM.TIMER, SUM.ELAPSED, SUM.ASCENT, SUM.DESCENT, SUM.CALORIES])
      add(slot, lap);
    const max = lap[SUM.MAX_HR] as number;
    if (!Number.isNaN(max) && !(max <= (out[SUM.MAX_HR] as number))) out[SUM.MAX_HR] = max;
    const avg = lap[SUM.AVG_HR] as number;
    const w = lap[SUM.TIMER] as number;
    if (!Number.isNaN(avg) && !Number.isNaN(w) && w > 0) {
      hrSum += avg * w;
      hrWeight += w;
    }
  }
  if (hrWeight > 0) out[SUM.AVG_HR] = hrSum / hrWeight;
  const first = laps[0] as Float64Array;
  out[SUM.START_TIME] = first[SUM.START_TIME] as number;
  out[SUM.SPORT] = first[SUM.SPORT] as number;
  out[SUM.SUB_SPORT] = first[SUM.SUB_SPORT] as number;
  return out;
}

function streamsFor(rec: RecordColumns, from: number, to: number, startTime: number, stride: boolean) {
  const n = to - from;
  if (n <= 0) return null;
  const time = rec.column(COL.TIME);
  const timeS = new Float64Array(n);
  for (let i = 0; i < n; i++) timeS[i] = (time[from + i] as number) - startTime;
  const f64 = (c: number): Float64Array | null =>
    hasValue(rec.column(c), from, to) ? rec.column(c).slice(from, to) : null;
  const f32 = (c: number, factor = 1): Float32Array | null => {
    if (!hasValue(rec.column(c), from, to)) return null;
    const src = rec.column(c);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (src[from + i] as number) * factor;
    return out;
  };
  const streams: ActivityStreams = {
    timeS,
    latDeg: f64(COL.LAT),
    lonDeg: f64(COL.LON),
    distanceM: f64(COL.DISTANCE),
    altitudeM: f32(COL.ALTITUDE),
    speedMps: f32(COL.SPEED),
    heartRateBpm: f32(COL.HEART_RATE),
    // FIT running/walking cadence is strides/min (one foot): ×2 for steps/min. Cycling stays in rpm and
    // other sports (swim strokes, rowing) keep the device's unit.
    cadenceSpm: f32(COL.CADENCE, stride ? 2 : 1),
    powerW: f32(COL.POWER),
  };
  return streams;
}

function hasValue(col: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!Number.isNaN(col[i] as number)) return true;
  return false;
}

/** Chained files sometimes repeat the same activity: identical sessions count once. */
function sameSummary(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/**
 * A file without session (recording never finished): totals from the laps when they cover the recording,
 * else from the records themselves (elapsed span and last distance; the summariser derives the rest).
 */
function sessionWithoutSession(c: FitCollector): Float64Array {
  const rec = c.records;
  const time = rec.column(COL.TIME);
  const first = time[0] ?? Number.NaN;
  const span = rec.length > 0 ? (time[rec.length - 1] as number) - first : 0;
  const fromLaps = summariseLaps(c.laps);
  const lapElapsed = fromLaps[SUM.ELAPSED] as number;
  let out = fromLaps;
  if (!(lapElapsed >= span * 0.9)) {
    out = new Float64Array(fromLaps.length).fill(Number.NaN);
    out[SUM.START_TIME] = first;
    out[SUM.ELAPSED] = span;
    out[SUM.SPORT] = fromLaps[SUM.SPORT] as number;
    out[SUM.SUB_SPORT] = fromLaps[SUM.SUB_SPORT] as number;
    const distance = rec.column(COL.DISTANCE);
    for (let i = rec.length - 1; i >= 0; i--) {
      if (!Number.isNaN(distance[i] as number)) {
        out[SUM.DISTANCE] = distance[i] as number;
        break;
      }
    }
  }
  if (Number.isNaN(out[SUM.START_TIME] as number)) out[SUM.START_TIME] = first;
  if (Number.isNaN(out[SUM.SPORT] as number) && c.sport) {
    out[SUM.SPORT] = c.sport.sport;
    out[SUM.SUB_SPORT] = c.sport.subSport;
  }
  return out;
}

/** Index of the first record at or after FIT time `t` (records are in file order, normally ascending). */
function lowerBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((time[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the activities; returns an empty list when the file holds neither sessions nor records. */
export function toActivities(c: FitCollector, warnings: FitWarning[]): ParsedActivity[] {
  const rec = c.records;
  const time = rec.column(COL.TIME);
  let summaries = c.sessions
    .filter((s) => !Number.isNaN(s[SUM.START_TIME] as number) || !Number.isNaN(s[SUM.TIMESTAMP] as number))
    .map((s) => {
      if (Number.isNaN(s[SUM.START_TIME] as number)) {
        const elapsed = s[SUM.ELAPSED] as number;
        s[SUM.START_TIME] = (s[SUM.TIMESTAMP] as number) - (Number.isNaN(elapsed) ? 0 : Math.round(elapsed));
      }
      return s;
    })
    .sort((a, b) => (a[SUM.START_TIME] as number) - (b[SUM.START_TIME] as number))
    .filter((s, i, all) => i === 0 || !sameSummary(s, all[i - 1] as Float64Array));
  if (summaries.length === 0) {
    // One record alone (a file_id-only test file) is not an activity.
    if (rec.length < 2 && c.laps.length === 0) return [];
    summaries = [sessionWithoutSession(c)];
  }
  const firstTime = Math.min(summaries[0]?.[SUM.START_TIME] ?? Number.NaN, time[0] ?? Number.NaN);
  const base = timeBase(
    c,
    Number.isNaN(firstTime) ? (summaries[0]?.[SUM.START_TIME] ?? Number.NaN) : firstTime,
    warnings,
  );
  const utcOffsetS = utcOffset(c);
  const creator = c.creator ?? c.fileIds[0] ?? null;
  const device = creator ? deviceName(creator.manufacturer, creator.product, creator.productName) : null;

  // Records are partitioned between sessions by start time: every record lands in exactly one activity
  // (records before the first session's start go to the first one, after the last one's end to the last).
  const activities: ParsedActivity[] = [];
  for (let i = 0; i < summaries.length; i++) {
    const sum = summaries[i] as Float64Array;
    const start = sum[SUM.START_TIME] as number;
    const from = i === 0 ? 0 : lowerBound(time, start);
    const next = summaries[i + 1];
    const to = next === undefined ? rec.length : lowerBound(time, next[SUM.START_TIME] as number);
    const fitSport = sum[SUM.SPORT] as number;
    const fitSub = sum[SUM.SUB_SPORT] as number;
    const sport = mapSport(fitSport, fitSub);
    activities.push({
      format: 'fit',
      sport,
      rawSport: rawSportName(fitSport, fitSub),
      startMs: base.resolved ? FIT_EPOCH_MS + (start + base.shift) * 1000 : Number.NaN,
      utcOffsetS,
      totals: totalsFrom(sum, sport),
      streams: streamsFor(rec, from, to, start, STRIDE_SPORTS.has(sport)),
      device,
      name: null,
      description: null,
      gearName: null,
      externalId: null,
    });
  }
  return activities;
}

/** activity.local_timestamp − activity.timestamp, when both are real times and the offset is plausible. */
function utcOffset(c: FitCollector): number | null {
  const a = c.activity;
  if (!a || Number.isNaN(a.localTimestamp) || Number.isNaN(a.timestamp) || a.timestamp < FIT_MIN_UTC_TIME)
    return null;
  const offset = a.localTimestamp - a.timestamp;
  return Math.abs(offset) <= 18 * 3600 ? offset : null;
}
