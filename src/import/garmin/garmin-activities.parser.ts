/**
 * Garmin Connect's `*_summarizedActivities.json` → typed rows in SI units.
 *
 * Units are Garmin's internal ones (research/strava-garmin-export.md §2.3, confirmed by several public
 * importers): distance and elevation in centimetres, durations in milliseconds, instants in epoch
 * milliseconds, and `startTimeLocal` is the local wall clock written as if it were UTC, so
 * (startTimeLocal − startTimeGmt) is the activity's UTC offset.
 */
import type { Sport } from '../../domain/activity/sport.ts';
import { IMPORT_CODES } from '../../domain/errors.ts';
import {
  idField,
  isJsonObject,
  type JsonObject,
  numberField,
  parseJsonFile,
  stringField,
  unwrapGarminExport,
} from './garmin-json.ts';

export interface GarminActivityRow {
  activityId: string;
  startMs: number;
  utcOffsetS: number | null;
  name: string | null;
  description: string | null;
  /** activityType typeKey verbatim ("running", "trail_running"…). */
  activityType: string;
  /** sportType verbatim ("RUNNING"), or null. */
  sportType: string | null;
  sport: Sport;
  /** `duration`: timer time. */
  timerS: number | null;
  elapsedS: number | null;
  movingS: number | null;
  distanceM: number | null;
  ascentM: number | null;
  descentM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  /** Steps per minute: avgDoubleCadence, else avgRunCadence × 2. */
  avgCadenceSpm: number | null;
  calories: number | null;
  /** `manufacturer` as written ("GARMIN"), or null. */
  device: string | null;
  deviceId: string | null;
}

export interface GarminJsonIssue {
  code: string;
  message: string;
  activityId?: string;
}

const SPORT_BY_TYPE: Readonly<Record<string, Sport>> = {
  running: 'run',
  street_running: 'run',
  ultra_run: 'run',
  obstacle_run: 'run',
  trail_running: 'trail_run',
  treadmill_running: 'treadmill_run',
  indoor_running: 'treadmill_run',
  virtual_run: 'treadmill_run',
  track_running: 'track_run',
  walking: 'walk',
  casual_walking: 'walk',
  speed_walking: 'walk',
  indoor_walking: 'walk',
  hiking: 'hike',
  cycling: 'ride',
  road_biking: 'ride',
  mountain_biking: 'ride',
  gravel_cycling: 'ride',
  indoor_cycling: 'ride',
  virtual_ride: 'ride',
  e_bike_fitness: 'ride',
  e_bike_mountain: 'ride',
  cyclocross: 'ride',
  track_cycling: 'ride',
  recumbent_cycling: 'ride',
  bmx: 'ride',
  swimming: 'swim',
  lap_swimming: 'swim',
  open_water_swimming: 'swim',
};

const SPORT_BY_SPORT_TYPE: Readonly<Record<string, Sport>> = {
  RUNNING: 'run',
  WALKING: 'walk',
  HIKING: 'hike',
  CYCLING: 'ride',
  SWIMMING: 'swim',
};

/** Garmin activityType typeKey (preferred) or sportType → our sport; anything else is "other". */
export function garminSport(activityType: string, sportType: string | null): Sport {
  return (
    SPORT_BY_TYPE[activityType.toLowerCase()] ??
    SPORT_BY_SPORT_TYPE[(sportType ?? '').toUpperCase()] ??
    'other'
  );
}

/** Offsets beyond ±14 h do not exist; such a difference means one of the two fields is wrong. */
const MAX_OFFSET_S = 14 * 3600;

export function parseGarminSummarizedActivities(
  text: string,
  fileName = 'summarizedActivities.json',
): { rows: GarminActivityRow[]; issues: GarminJsonIssue[] } {
  const holders = unwrapGarminExport(parseJsonFile(text, fileName), 'summarizedActivitiesExport', fileName);
  const rows: GarminActivityRow[] = [];
  const issues: GarminJsonIssue[] = [];
  for (const holder of holders) {
    const list = holder.summarizedActivitiesExport;
    if (!Array.isArray(list)) {
      issues.push({
        code: IMPORT_CODES.JSON_MALFORMED,
        message: `${fileName}: "summarizedActivitiesExport" is not a list`,
      });
      continue;
    }
    list.forEach((item, i) => {
      const row = isJsonObject(item) ? readActivity(item, i, fileName, issues) : null;
      if (!isJsonObject(item)) {
        issues.push({
          code: IMPORT_CODES.JSON_MALFORMED,
          message: `${fileName}: activity #${i + 1} is not an object`,
        });
      }
      if (row) rows.push(row);
    });
  }
  return { rows, issues };
}

function readActivity(
  a: JsonObject,
  i: number,
  fileName: string,
  issues: GarminJsonIssue[],
): GarminActivityRow | null {
  const activityId = idField(a, 'activityId');
  const label = activityId ? `activity ${activityId}` : `activity #${i + 1}`;
  const bad = (message: string) =>
    issues.push({
      code: IMPORT_CODES.JSON_MALFORMED,
      message: `${fileName}, ${label}: ${message}`,
      ...(activityId ? { activityId } : {}),
    });
  if (activityId === null) {
    bad('"activityId" is missing or not a whole number; skipped');
    return null;
  }
  const num = (key: string) => numberField(a, key, (m) => bad(`${m}; left empty`));
  const startMs = num('beginTimestamp') ?? num('startTimeGmt');
  if (startMs === null) {
    bad('no start instant ("beginTimestamp" or "startTimeGmt"); skipped');
    return null;
  }
  const activityType = typeKey(a.activityType) ?? '';
  const sportType = stringField(a, 'sportType');
  const scaled = (key: string, divisor: number) => {
    const v = num(key);
    return v === null ? null : v / divisor;
  };
  const doubleCadence = num('avgDoubleCadence');
  const runCadence = num('avgRunCadence');
  return {
    activityId,
    startMs,
    utcOffsetS: utcOffset(num('startTimeLocal'), num('startTimeGmt') ?? startMs, bad),
    name: stringField(a, 'name'),
    description: stringField(a, 'description'),
    activityType,
    sportType,
    sport: garminSport(activityType, sportType),
    timerS: scaled('duration', 1000),
    elapsedS: scaled('elapsedDuration', 1000),
    movingS: scaled('movingDuration', 1000),
    distanceM: scaled('distance', 100),
    ascentM: scaled('elevationGain', 100),
    descentM: scaled('elevationLoss', 100),
    avgHeartRate: num('avgHr'),
    maxHeartRate: num('maxHr'),
    avgCadenceSpm: doubleCadence ?? (runCadence === null ? null : runCadence * 2),
    calories: num('calories'),
    device: stringField(a, 'manufacturer'),
    deviceId: idField(a, 'deviceId'),
  };
}

/** activityType is a typeKey string in exports; the Connect API nests it as { typeKey }: accept both. */
function typeKey(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (isJsonObject(value) && typeof value.typeKey === 'string') return value.typeKey;
  return null;
}

function utcOffset(localMs: number | null, gmtMs: number, bad: (m: string) => void): number | null {
  if (localMs === null) return null;
  // Whole minutes: the two fields are written separately and may differ by rounding.
  const offsetS = Math.round((localMs - gmtMs) / 60_000) * 60;
  if (Math.abs(offsetS) > MAX_OFFSET_S) {
    bad(`"startTimeLocal" is ${offsetS / 3600} h from "startTimeGmt", beyond any time zone; offset ignored`);
    return null;
  }
  return offsetS;
}
