/**
 * A damaged file (cut short, or with bytes overwritten) can end with samples whose times are garbage: a
 * Strava phone recording truncated mid-message decodes to one last record dated 64 years later. Those
 * samples would make the activity last decades and get it refused, so the streams end at the last sample
 * whose time still follows from the one before. Small backward steps are left alone (clock corrections
 * happen); only impossible jumps cut the tail.
 */
import type { ActivityStreams } from './activity.ts';

/** No device pauses a single recording for more than a day between two samples. */
export const MAX_SAMPLE_GAP_S = 86_400;
/** A clock correction moves time back by seconds or minutes; an hour or more back is corruption. */
export const MAX_BACKWARD_STEP_S = 3_600;

/** The number of samples that can be kept: the index of the first impossible time, or the length. */
export function plausibleSampleCount(timeS: ArrayLike<number>): number {
  if (timeS.length === 0 || !Number.isFinite(timeS[0]!)) return 0;
  for (let i = 1; i < timeS.length; i += 1) {
    const step = timeS[i]! - timeS[i - 1]!;
    if (!Number.isFinite(step) || step > MAX_SAMPLE_GAP_S || step < -MAX_BACKWARD_STEP_S) return i;
  }
  return timeS.length;
}

/** The streams without their impossible tail, and how many samples were dropped. */
export function trimCorruptTail(streams: ActivityStreams): { streams: ActivityStreams; dropped: number } {
  const keep = plausibleSampleCount(streams.timeS);
  const dropped = streams.timeS.length - keep;
  if (dropped === 0) return { streams, dropped };
  const cut = <T extends Float64Array | Float32Array | null>(a: T): T =>
    a === null ? a : (a.slice(0, keep) as T);
  return {
    dropped,
    streams: {
      timeS: cut(streams.timeS),
      latDeg: cut(streams.latDeg),
      lonDeg: cut(streams.lonDeg),
      distanceM: cut(streams.distanceM),
      altitudeM: cut(streams.altitudeM),
      speedMps: cut(streams.speedMps),
      heartRateBpm: cut(streams.heartRateBpm),
      cadenceSpm: cut(streams.cadenceSpm),
      powerW: cut(streams.powerW),
    },
  };
}
