/**
 * Finds the columns of Strava's activities.csv by name and position.
 *
 * The header repeats names: the first block (Elapsed Time, Distance, Max Heart Rate…) is in display units
 * (Distance in km or miles, rounded), the second block holds raw SI values (research/strava-garmin-export.md
 * §1.3). Looking names up in a dictionary would silently keep one of the two, so each field says which
 * occurrence it wants. The number and order of columns changes over the years; only names are trusted.
 */
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { translateStravaHeader } from './strava-header-languages.ts';

export type StravaField =
  | 'id'
  | 'date'
  | 'name'
  | 'type'
  | 'description'
  | 'elapsed'
  | 'moving'
  | 'timer'
  | 'distance'
  | 'ascent'
  | 'descent'
  | 'avgHeartRate'
  | 'maxHeartRate'
  | 'avgCadence'
  | 'calories'
  | 'activityGear'
  | 'gear'
  | 'bike'
  | 'filename';

/** Which occurrence of a repeated name a field reads: the raw second block when present. */
type Pick = 'first' | 'raw';

const FIELDS: readonly { field: StravaField; name: string; pick: Pick }[] = [
  { field: 'id', name: 'Activity ID', pick: 'first' },
  { field: 'date', name: 'Activity Date', pick: 'first' },
  { field: 'name', name: 'Activity Name', pick: 'first' },
  { field: 'type', name: 'Activity Type', pick: 'first' },
  { field: 'description', name: 'Activity Description', pick: 'first' },
  { field: 'elapsed', name: 'Elapsed Time', pick: 'raw' },
  { field: 'moving', name: 'Moving Time', pick: 'first' },
  { field: 'timer', name: 'Timer Time', pick: 'first' },
  { field: 'distance', name: 'Distance', pick: 'raw' },
  { field: 'ascent', name: 'Elevation Gain', pick: 'first' },
  { field: 'descent', name: 'Elevation Loss', pick: 'first' },
  { field: 'avgHeartRate', name: 'Average Heart Rate', pick: 'first' },
  { field: 'maxHeartRate', name: 'Max Heart Rate', pick: 'raw' },
  { field: 'avgCadence', name: 'Average Cadence', pick: 'first' },
  { field: 'calories', name: 'Calories', pick: 'first' },
  { field: 'activityGear', name: 'Activity Gear', pick: 'first' },
  { field: 'gear', name: 'Gear', pick: 'first' },
  { field: 'bike', name: 'Bike', pick: 'first' },
  { field: 'filename', name: 'Filename', pick: 'first' },
];

const REQUIRED: readonly StravaField[] = ['id', 'date', 'type'];

export interface StravaColumns {
  /** Column index per field, when the header has it. */
  index: Partial<Record<StravaField, number>>;
  /** True when only the display-unit Distance column exists (older exports): values are km, rounded. */
  distanceIsDisplayKm: boolean;
  /** The language the header was translated from (null: English). */
  translatedFrom: string | null;
}

/** Resolves the header row, or throws CSV_MALFORMED naming the missing columns and printing the header. */
export function resolveStravaColumns(header: readonly string[], fileName = 'activities.csv'): StravaColumns {
  const { names, language } = translateStravaHeader(header);
  const positions = new Map<string, number[]>();
  names.forEach((name, i) => {
    const list = positions.get(name) ?? [];
    list.push(i);
    positions.set(name, list);
  });
  const index: Partial<Record<StravaField, number>> = {};
  for (const { field, name, pick } of FIELDS) {
    const found = positions.get(name);
    if (!found || found.length === 0) continue;
    index[field] = pick === 'raw' && found.length > 1 ? found[1]! : found[0]!;
  }
  const missing = REQUIRED.filter((f) => index[f] === undefined);
  if (index.distance === undefined) missing.push('distance');
  if (missing.length > 0) {
    const wanted = missing.map((f) => `"${FIELDS.find((x) => x.field === f)!.name}"`).join(', ');
    const shown = header.join(',');
    throw new ImportError(
      IMPORT_CODES.CSV_MALFORMED,
      `${fileName}: not a Strava activities.csv we can read: missing column(s) ${wanted}. ` +
        `Strava writes headers in the account's language and this one was not recognised. ` +
        `Header found: ${shown.length > 400 ? `${shown.slice(0, 400)}…` : shown}`,
    );
  }
  return {
    index,
    distanceIsDisplayKm: (positions.get('Distance')?.length ?? 0) === 1,
    translatedFrom: language,
  };
}

/** The English header name a field reads, for messages. */
export function stravaColumnName(field: StravaField): string {
  return FIELDS.find((x) => x.field === field)?.name ?? field;
}
