import type { Sport } from './sport.ts';

/** Where an activity came from, by file format or export metadata. */
export type ActivityFormat = 'fit' | 'gpx' | 'tcx' | 'strava-csv' | 'garmin-json';

/**
 * Per-sample streams, columnar. All arrays have the same length (one entry per sample, in time order).
 * Missing values inside a present stream are NaN. A stream the file does not carry at all is null.
 * Units are SI: seconds, metres, m/s; heart rate in beats/min; cadence in steps/min (both feet).
 */
export interface ActivityStreams {
  /** Seconds since the activity's start instant (elapsed, pauses included). */
  timeS: Float64Array;
  latDeg: Float64Array | null;
  lonDeg: Float64Array | null;
  /** Cumulative distance as recorded by the device, metres. */
  distanceM: Float64Array | null;
  altitudeM: Float32Array | null;
  speedMps: Float32Array | null;
  heartRateBpm: Float32Array | null;
  cadenceSpm: Float32Array | null;
  powerW: Float32Array | null;
}

/**
 * The totals a file states about itself (FIT session, TCX laps, export metadata). Null when not stated:
 * the summariser then derives the value from the streams.
 */
export interface StatedTotals {
  distanceM: number | null;
  /** Timer time: the time the recording was running (pauses excluded). */
  timerS: number | null;
  elapsedS: number | null;
  /** Moving time when the source states it separately from timer time (Strava, Garmin). */
  movingS: number | null;
  ascentM: number | null;
  descentM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  /** Steps per minute, both feet. */
  avgCadenceSpm: number | null;
  calories: number | null;
}

/**
 * What an importer returns for one activity: bytes turned into values, nothing derived yet beyond unit
 * conversion. `startMs` is the UTC instant in epoch milliseconds.
 */
export interface ParsedActivity {
  format: ActivityFormat;
  sport: Sport;
  /** The sport as the source names it, e.g. "running/trail" (FIT sport/sub_sport) or "Run" (Strava). */
  rawSport: string;
  startMs: number;
  /** The source's own offset from UTC in seconds at the start (FIT local_timestamp, Garmin startTimeLocal). */
  utcOffsetS: number | null;
  totals: StatedTotals;
  streams: ActivityStreams | null;
  device: string | null;
  name: string | null;
  description: string | null;
  /** Gear name as the source states it (Strava "Activity Gear", Garmin gear), resolved to a shoe later. */
  gearName: string | null;
  /**
   * True when the source has a gear field for this activity (Strava's "Activity Gear" cell, Garmin's gear
   * links): then an empty one means "no shoe", and the runner's default pair is not filled in.
   */
  gearStated?: boolean;
  /** Id of the activity in the service it came from (Strava Activity ID, Garmin activityId). */
  externalId: string | null;
}

/** Empty totals, for importers to fill in. */
export function emptyTotals(): StatedTotals {
  return {
    distanceM: null,
    timerS: null,
    elapsedS: null,
    movingS: null,
    ascentM: null,
    descentM: null,
    avgHeartRate: null,
    maxHeartRate: null,
    avgCadenceSpm: null,
    calories: null,
  };
}

/**
 * Just the stated totals of a richer record (an export's summary row): the ten fields, nothing else, so a
 * summary-only activity carries exactly what its source says.
 */
export function statedTotalsOf(row: StatedTotals): StatedTotals {
  return {
    distanceM: row.distanceM,
    timerS: row.timerS,
    elapsedS: row.elapsedS,
    movingS: row.movingS,
    ascentM: row.ascentM,
    descentM: row.descentM,
    avgHeartRate: row.avgHeartRate,
    maxHeartRate: row.maxHeartRate,
    avgCadenceSpm: row.avgCadenceSpm,
    calories: row.calories,
  };
}

/** A problem found in one input: `file` names it (inside an archive as `archive.zip!path/inside.fit`). */
export interface ImportIssue {
  file: string;
  code: string;
  message: string;
}

/** What a decoder returns for one file's bytes. Warnings have no `file`: the caller knows it. */
export interface DecodeResult {
  activities: ParsedActivity[];
  warnings: { code: string; message: string }[];
}
