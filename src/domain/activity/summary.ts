/**
 * One model for all sources: the summary row of an activity, derived from what an importer parsed.
 * The file's own totals win (a device's barometric ascent beats anything we can smooth); streams fill the gaps.
 */
import type { ActivityStreams, ParsedActivity } from './activity.ts';
import { elevationTotals } from './elevation.ts';
import { HEART_RATE_RANGE } from './heart-rate-range.ts';
import { type LocalDateBasis, localDateAt } from './local-date.ts';
import { isRunningSport, type Sport } from './sport.ts';

/** Bump when a derivation below changes: stored summaries are then recomputed, not migrated. */
export const SUMMARY_VERSION = 'summary-1';

/** Below this speed a sample counts as standing still when the file states no timer or moving time. */
const MOVING_SPEED_MPS = 0.5;
/** A gap between samples longer than this is a pause (auto-pause or lost signal). */
const PAUSE_GAP_S = 10;

export interface ActivitySummary {
  sport: Sport;
  rawSport: string;
  startMs: number;
  localDate: string;
  utcOffsetS: number | null;
  localDateBasis: LocalDateBasis;
  distanceM: number;
  movingTimeS: number;
  elapsedTimeS: number;
  timerTimeS: number | null;
  ascentM: number | null;
  descentM: number | null;
  downhillDistanceM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadenceSpm: number | null;
  /** Metres per step (what watches call stride length), running sports only. */
  avgStrideM: number | null;
  calories: number | null;
  sampleCount: number;
  /** Higher = more complete copy of the same activity; decides which duplicate is kept. */
  richness: number;
}

export interface OffsetResolution {
  utcOffsetS: number;
  basis: LocalDateBasis;
}

/**
 * `resolveOffset` is called only when the file states no offset; the edge answers it from the start
 * coordinates' time zone or the user's zone.
 */
export function summarizeActivity(
  parsed: ParsedActivity,
  resolveOffset: (startMs: number, latDeg: number | null, lonDeg: number | null) => OffsetResolution,
): ActivitySummary {
  const s = parsed.streams;
  const t = parsed.totals;
  const offset =
    parsed.utcOffsetS !== null
      ? { utcOffsetS: parsed.utcOffsetS, basis: 'file' as const }
      : resolveOffset(parsed.startMs, firstFinite(s?.latDeg), firstFinite(s?.lonDeg));

  const streamElapsed = s && s.timeS.length > 0 ? s.timeS[s.timeS.length - 1]! - s.timeS[0]! : null;
  const elapsed = t.elapsedS ?? streamElapsed ?? t.timerS ?? t.movingS ?? 0;
  const derivedMoving = s ? movingTimeFromStreams(s) : null;
  const moving =
    t.movingS ?? t.timerS ?? (derivedMoving !== null && derivedMoving > 0 ? derivedMoving : elapsed);
  const distance = t.distanceM ?? lastFinite(s?.distanceM) ?? 0;
  const elevation = s?.altitudeM ? elevationTotals(s.timeS, s.altitudeM, s.distanceM) : null;
  const cadence = t.avgCadenceSpm ?? (s?.cadenceSpm ? meanPositive(s.cadenceSpm) : null);
  const running = isRunningSport(parsed.sport);
  const steps = cadence !== null && moving > 0 ? (cadence * moving) / 60 : 0;

  return {
    sport: parsed.sport,
    rawSport: parsed.rawSport,
    startMs: parsed.startMs,
    localDate: localDateAt(parsed.startMs, offset.utcOffsetS),
    utcOffsetS: offset.utcOffsetS,
    localDateBasis: offset.basis,
    distanceM: distance,
    movingTimeS: moving,
    elapsedTimeS: Math.max(elapsed, moving),
    timerTimeS: t.timerS,
    ascentM: t.ascentM ?? elevation?.ascentM ?? null,
    descentM: t.descentM ?? elevation?.descentM ?? null,
    downhillDistanceM: elevation?.downhillDistanceM ?? null,
    avgHeartRate: t.avgHeartRate ?? (s?.heartRateBpm ? meanPositive(heartRates(s.heartRateBpm)) : null),
    maxHeartRate: t.maxHeartRate ?? (s?.heartRateBpm ? maxFinite(heartRates(s.heartRateBpm)) : null),
    avgCadenceSpm: cadence,
    avgStrideM: running && steps > 0 && distance > 0 ? distance / steps : null,
    calories: t.calories,
    sampleCount: s ? s.timeS.length : 0,
    richness: richnessOf(parsed),
  };
}

/**
 * Moving time from samples: sum the intervals that are not pauses (long gaps) and, when speed is known,
 * where the runner was actually moving.
 */
export function movingTimeFromStreams(s: ActivityStreams): number | null {
  const n = s.timeS.length;
  if (n < 2) return null;
  // Apps that record every 5–20 s (many GPX exporters) are not pausing between samples: a gap only counts as
  // a pause when it is clearly longer than the file's usual interval.
  const pauseGap = Math.max(PAUSE_GAP_S, 4 * medianInterval(s.timeS));
  let total = 0;
  for (let i = 1; i < n; i++) {
    const dt = s.timeS[i]! - s.timeS[i - 1]!;
    if (!(dt > 0) || dt > pauseGap) continue;
    const v = s.speedMps ? s.speedMps[i]! : speedFromDistance(s, i, dt);
    if (Number.isFinite(v) && v < MOVING_SPEED_MPS) continue;
    total += dt;
  }
  return total;
}

function medianInterval(timeS: Float64Array): number {
  const step = Math.max(1, Math.floor(timeS.length / 512));
  const gaps: number[] = [];
  for (let i = step; i < timeS.length; i += step) {
    const dt = timeS[i]! - timeS[i - 1]!;
    if (dt > 0) gaps.push(dt);
  }
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1;
}

function speedFromDistance(s: ActivityStreams, i: number, dt: number): number {
  if (!s.distanceM) return Number.NaN;
  return (s.distanceM[i]! - s.distanceM[i - 1]!) / dt;
}

/** Streams beat summaries; within streams, more channels and more samples win. */
export function richnessOf(parsed: ParsedActivity): number {
  const s = parsed.streams;
  let score = 0;
  if (s) {
    score += 1_000_000;
    const channels = [s.latDeg, s.distanceM, s.altitudeM, s.speedMps, s.heartRateBpm, s.cadenceSpm, s.powerW];
    score += channels.filter((c) => c !== null).length * 100_000;
    score += Math.min(s.timeS.length, 99_999);
  }
  const t = parsed.totals;
  for (const v of [t.distanceM, t.timerS, t.ascentM, t.avgHeartRate, t.avgCadenceSpm])
    if (v !== null) score += 10;
  if (parsed.name) score += 1;
  return score;
}

/** Heart-rate samples a heart can produce (a dropped strap reads 0, a corrupt byte 1.67e9): the rest are gaps. */
function heartRates(a: Float32Array): Float32Array {
  const [lo, hi] = HEART_RATE_RANGE;
  return a.map((v) => (v >= lo && v <= hi ? v : Number.NaN));
}

function firstFinite(a: ArrayLike<number> | null | undefined): number | null {
  if (!a) return null;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) return a[i]!;
  return null;
}

function lastFinite(a: ArrayLike<number> | null | undefined): number | null {
  if (!a) return null;
  for (let i = a.length - 1; i >= 0; i--) if (Number.isFinite(a[i]!)) return a[i]!;
  return null;
}

function meanPositive(a: ArrayLike<number>): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (Number.isFinite(v) && v > 0) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

function maxFinite(a: ArrayLike<number>): number | null {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!) && a[i]! > max) max = a[i]!;
  return Number.isFinite(max) ? max : null;
}
