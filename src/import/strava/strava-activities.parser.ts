/**
 * Strava's activities.csv → one typed row per activity, in SI units, plus issues for cells it could not read.
 * A bad cell nulls that value (the row still counts toward load); a row without id or date is dropped with
 * an issue; a header we cannot map throws CSV_MALFORMED (see strava-columns.ts).
 */
import type { Sport } from '../../domain/activity/sport.ts';
import { IMPORT_CODES } from '../../domain/errors.ts';
import { isBlankRow, parseCsv } from './csv.parser.ts';
import {
  CellError,
  parseDurationSeconds,
  parseLocaleNumber,
  parseStravaDate,
  STRAVA_ERROR_MARKER,
} from './strava-cell.parser.ts';
import { resolveStravaColumns, type StravaField, stravaColumnName } from './strava-columns.ts';

export interface StravaActivityRow {
  /** 1-based data row (the header is row 0), for messages. */
  row: number;
  /** "Activity ID": Strava's id, also the externalId. Not the activity file's name (they differ). */
  activityId: string;
  /** "Activity Date" read as UTC, epoch ms. */
  startMs: number;
  name: string | null;
  description: string | null;
  /** "Activity Type" verbatim, e.g. "Run", "TrailRun". */
  activityType: string;
  sport: Sport;
  elapsedS: number | null;
  movingS: number | null;
  timerS: number | null;
  distanceM: number | null;
  ascentM: number | null;
  descentM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  /** Steps per minute (both feet) for foot sports; null for others (a bike's rpm is not a step rate). */
  avgCadenceSpm: number | null;
  calories: number | null;
  /** First non-empty of "Activity Gear", "Gear", "Bike". */
  gearName: string | null;
  /** Path of the activity file relative to the export root ("activities/123.fit.gz"); null when none. */
  filename: string | null;
}

export interface StravaCsvIssue {
  code: string;
  message: string;
  /** 1-based data row, absent for file-level issues. */
  row?: number;
}

const SPORTS_BY_TYPE: Readonly<Record<string, Sport>> = {
  run: 'run',
  trailrun: 'trail_run',
  virtualrun: 'treadmill_run',
  walk: 'walk',
  hike: 'hike',
  ride: 'ride',
  virtualride: 'ride',
  ebikeride: 'ride',
  gravelride: 'ride',
  mountainbikeride: 'ride',
  emountainbikeride: 'ride',
  swim: 'swim',
};

/** Strava "Activity Type" → our sport; unknown types are "other" (the raw type is kept on the row). */
export function stravaSport(activityType: string): Sport {
  return SPORTS_BY_TYPE[activityType.replace(/[\s_-]/g, '').toLowerCase()] ?? 'other';
}

const FOOT_SPORTS: ReadonlySet<Sport> = new Set<Sport>([
  'run',
  'trail_run',
  'treadmill_run',
  'track_run',
  'walk',
  'hike',
]);
/**
 * Strava stores foot cadence per leg (strides/min; fixture run: 71.3), like FIT. Doubling gives steps/min.
 * Nobody takes 120 strides/min, so a value that high is already steps/min and is kept.
 */
const PER_LEG_CADENCE_MAX = 120;

export function parseStravaActivitiesCsv(
  text: string,
  fileName = 'activities.csv',
): { rows: StravaActivityRow[]; issues: StravaCsvIssue[] } {
  const table = parseCsv(text, fileName);
  const header = table[0];
  if (!header || isBlankRow(header)) {
    return {
      rows: [],
      issues: [{ code: IMPORT_CODES.CSV_MALFORMED, message: `${fileName}: the file is empty` }],
    };
  }
  const columns = resolveStravaColumns(header, fileName);
  const issues: StravaCsvIssue[] = [];
  if (columns.distanceIsDisplayKm) {
    issues.push({
      code: IMPORT_CODES.CSV_ROW_INVALID,
      message: `${fileName}: only the display "Distance" column exists; read as kilometres (rounded). If the account uses miles, distances are wrong.`,
    });
  }
  const rows: StravaActivityRow[] = [];
  for (let r = 1; r < table.length; r += 1) {
    const cells = table[r]!;
    if (isBlankRow(cells)) continue;
    const at = (field: StravaField): string => {
      const i = columns.index[field];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const problem = (message: string) => issues.push({ code: IMPORT_CODES.CSV_ROW_INVALID, message, row: r });
    const read = (field: StravaField, parse: (cell: string) => number | null): number | null => {
      try {
        return parse(at(field));
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        problem(`row ${r} (activity ${at('id')}), "${stravaColumnName(field)}": ${err.message}; left empty`);
        return null;
      }
    };

    if (cells.length < header.length) {
      problem(
        `row ${r}: ${cells.length} cells where the header has ${header.length}; missing cells read as empty`,
      );
    }
    const activityId = at('id');
    if (!/^\d+$/.test(activityId)) {
      problem(`row ${r}: "Activity ID" should be a number, found "${activityId}"; row skipped`);
      continue;
    }
    let startMs: number;
    try {
      startMs = parseStravaDate(at('date'));
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      problem(`row ${r} (activity ${activityId}), "Activity Date": ${err.message}; row skipped`);
      continue;
    }
    const activityType = at('type');
    const sport = stravaSport(activityType);
    const distance = read('distance', parseLocaleNumber);
    const cadence = read('avgCadence', parseLocaleNumber);
    rows.push({
      row: r,
      activityId,
      startMs,
      name: at('name') || null,
      description: at('description') || null,
      activityType,
      sport,
      elapsedS: read('elapsed', parseDurationSeconds),
      movingS: read('moving', parseDurationSeconds),
      timerS: read('timer', parseDurationSeconds),
      distanceM: distance === null ? null : columns.distanceIsDisplayKm ? distance * 1000 : distance,
      ascentM: read('ascent', parseLocaleNumber),
      descentM: read('descent', parseLocaleNumber),
      avgHeartRate: read('avgHeartRate', parseLocaleNumber),
      maxHeartRate: read('maxHeartRate', parseLocaleNumber),
      avgCadenceSpm: footCadenceSpm(sport, cadence),
      calories: read('calories', parseLocaleNumber),
      gearName: at('activityGear') || at('gear') || at('bike') || null,
      filename: readFilename(at('filename'), activityId, r, issues),
    });
  }
  return { rows, issues };
}

function footCadenceSpm(sport: Sport, cadence: number | null): number | null {
  if (cadence === null || cadence <= 0 || !FOOT_SPORTS.has(sport)) return null;
  return cadence < PER_LEG_CADENCE_MAX ? cadence * 2 : cadence;
}

/** Manual activities have no file (kept as summary-only); "#error#" marks a file Strava failed to process. */
function readFilename(
  cell: string,
  activityId: string,
  row: number,
  issues: StravaCsvIssue[],
): string | null {
  if (cell === '') return null;
  if (cell.toLowerCase() === STRAVA_ERROR_MARKER) {
    issues.push({
      code: IMPORT_CODES.EXPORT_FILE_MISSING,
      message: `row ${row} (activity ${activityId}): Strava marks its file as failed ("${STRAVA_ERROR_MARKER}"); imported from the summary only`,
      row,
    });
    return null;
  }
  return cell.replace(/\\/g, '/').replace(/^\.?\//, '');
}
