/**
 * Synthetic Strava bulk exports and Garmin Connect data exports, as ZIP bytes, for import tests.
 * Layouts and field units follow research/strava-garmin-export.md; activity file bytes are passed in
 * (build them with the FIT/GPX/TCX factories).
 */
import { gzipSync } from 'node:zlib';
import { buildZip, utf8, type ZipWriterEntry } from './zip-writer.ts';

// ---------------------------------------------------------------------------------------------- Strava

/** The 94-column header of a real English export (duplicate names included), research §1.3. */
export const STRAVA_ACTIVITIES_HEADER = [
  'Activity ID',
  'Activity Date',
  'Activity Name',
  'Activity Type',
  'Activity Description',
  'Elapsed Time',
  'Distance',
  'Max Heart Rate',
  'Relative Effort',
  'Commute',
  'Activity Private Note',
  'Activity Gear',
  'Filename',
  'Athlete Weight',
  'Bike Weight',
  'Elapsed Time',
  'Moving Time',
  'Distance',
  'Max Speed',
  'Average Speed',
  'Elevation Gain',
  'Elevation Loss',
  'Elevation Low',
  'Elevation High',
  'Max Grade',
  'Average Grade',
  'Average Positive Grade',
  'Average Negative Grade',
  'Max Cadence',
  'Average Cadence',
  'Max Heart Rate',
  'Average Heart Rate',
  'Max Watts',
  'Average Watts',
  'Calories',
  'Max Temperature',
  'Average Temperature',
  'Relative Effort',
  'Total Work',
  'Number of Runs',
  'Uphill Time',
  'Downhill Time',
  'Other Time',
  'Perceived Exertion',
  'Type',
  'Start Time',
  'Weighted Average Power',
  'Power Count',
  'Prefer Perceived Exertion',
  'Perceived Relative Effort',
  'Commute',
  'Total Weight Lifted',
  'From Upload',
  'Grade Adjusted Distance',
  'Weather Observation Time',
  'Weather Condition',
  'Weather Temperature',
  'Apparent Temperature',
  'Dewpoint',
  'Humidity',
  'Weather Pressure',
  'Wind Speed',
  'Wind Gust',
  'Wind Bearing',
  'Precipitation Intensity',
  'Sunrise Time',
  'Sunset Time',
  'Moon Phase',
  'Bike',
  'Gear',
  'Precipitation Probability',
  'Precipitation Type',
  'Cloud Cover',
  'Weather Visibility',
  'UV Index',
  'Weather Ozone',
  'Jump Count',
  'Total Grit',
  'Average Flow',
  'Flagged',
  'Average Elapsed Speed',
  'Dirt Distance',
  'Newly Explored Distance',
  'Newly Explored Dirt Distance',
  'Activity Count',
  'Total Steps',
  'Carbon Saved',
  'Pool Length',
  'Training Load',
  'Intensity',
  'Average Grade Adjusted Pace',
  'Timer Time',
  'Total Cycles',
  'Media',
] as const;

export interface StravaExportActivity {
  id: string | number;
  /** Strava "Activity Type", e.g. "Run". */
  type: string;
  /** Epoch ms (written as Strava's "May 29, 2022, 3:53:35 PM", UTC) or a cell written verbatim. */
  date: number | string;
  distanceM: number;
  movingS: number;
  elapsedS: number;
  name?: string;
  description?: string;
  gear?: string;
  ascentM?: number;
  descentM?: number;
  avgHeartRate?: number;
  maxHeartRate?: number;
  /** Per leg, as Strava writes it for runs. */
  avgCadence?: number;
  /** The activity's file, stored at `activities/<name>`; gzip it first with `gzip: true`. */
  file?: { name: string; bytes: Uint8Array; gzip?: boolean };
  /** Override the Filename cell (e.g. "#error#"); default: the file's path, or empty. */
  filenameCell?: string;
  /** Override any cell by its column index (e.g. `{ 20: '#error#' }`). */
  cells?: Record<number, string>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Epoch ms → "May 29, 2022, 3:53:35 PM" (UTC), Strava's English Activity Date. */
export function formatStravaDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** RFC 4180 quoting: always quote cells holding a comma, quote, CR or LF. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function stravaFileName(a: StravaExportActivity): string {
  if (!a.file) return '';
  return `activities/${a.file.name}${a.file.gzip && !a.file.name.endsWith('.gz') ? '.gz' : ''}`;
}

export function buildStravaActivitiesCsv(activities: readonly StravaExportActivity[]): string {
  const lines = [STRAVA_ACTIVITIES_HEADER.join(',')];
  for (const a of activities) {
    const cells: string[] = new Array(STRAVA_ACTIVITIES_HEADER.length).fill('');
    const num = (n: number | undefined) => (n === undefined ? '' : String(n));
    cells[0] = String(a.id);
    cells[1] = typeof a.date === 'number' ? formatStravaDate(a.date) : a.date;
    cells[2] = a.name ?? '';
    cells[3] = a.type;
    cells[4] = a.description ?? '';
    cells[5] = String(Math.round(a.elapsedS));
    cells[6] = (a.distanceM / 1000).toFixed(2);
    cells[7] = num(a.maxHeartRate);
    cells[9] = 'false';
    cells[11] = a.gear ?? '';
    cells[12] = a.filenameCell ?? stravaFileName(a);
    cells[15] = a.elapsedS.toFixed(1);
    cells[16] = a.movingS.toFixed(1);
    cells[17] = String(a.distanceM);
    cells[20] = num(a.ascentM);
    cells[21] = num(a.descentM);
    cells[29] = num(a.avgCadence);
    cells[30] = num(a.maxHeartRate);
    cells[31] = num(a.avgHeartRate);
    for (const [i, v] of Object.entries(a.cells ?? {})) cells[Number(i)] = v;
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface StravaExportShoe {
  name: string;
  brand?: string;
  model?: string;
  defaultSportTypes?: string[];
}

export function buildStravaShoesCsv(shoes: readonly StravaExportShoe[]): string {
  const lines = ['Shoe Name,Shoe Brand,Shoe Model,Shoe Default Sport Types'];
  for (const s of shoes) {
    lines.push(
      [s.name, s.brand ?? '', s.model ?? '', (s.defaultSportTypes ?? []).join(', ')].map(csvCell).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A Strava export ZIP: `<root>activities.csv`, `<root>activities/…`, `<root>shoes.csv`, a few others. */
export function buildStravaExportZip(options: {
  activities: readonly StravaExportActivity[];
  shoes?: readonly StravaExportShoe[];
  /** Folder inside the ZIP ('' for the root). Default 'export_12345/'. */
  root?: string;
}): Uint8Array {
  const root = options.root ?? 'export_12345/';
  const entries: ZipWriterEntry[] = [
    { path: `${root}activities.csv`, data: utf8(buildStravaActivitiesCsv(options.activities)) },
    { path: `${root}shoes.csv`, data: utf8(buildStravaShoesCsv(options.shoes ?? [])) },
    { path: `${root}bikes.csv`, data: utf8('Bike Name,Bike Brand,Bike Model,Bike Default Sport Types\n') },
    { path: `${root}profile.csv`, data: utf8('Athlete ID,Email Address\n12345,runner@example.org\n') },
    { path: `${root}activities/`, data: new Uint8Array() },
  ];
  for (const a of options.activities) {
    if (!a.file) continue;
    const bytes = a.file.gzip ? new Uint8Array(gzipSync(a.file.bytes)) : a.file.bytes;
    // Already-compressed .gz files are stored, as Strava does.
    entries.push({ path: `${root}${stravaFileName(a)}`, data: bytes, store: a.file.gzip === true });
  }
  return buildZip(entries);
}

// ---------------------------------------------------------------------------------------------- Garmin

export interface GarminExportActivity {
  activityId: number;
  /** UTC start, epoch ms. */
  startMs: number;
  /** Local offset, seconds (startTimeLocal = startTimeGmt + offset). Default 0. */
  utcOffsetS?: number;
  /** activityType typeKey, e.g. "running", "trail_running". Default "running". */
  activityType?: string;
  sportType?: string;
  name?: string;
  description?: string;
  distanceM: number;
  durationS: number;
  elapsedS?: number;
  movingS?: number;
  ascentM?: number;
  descentM?: number;
  avgHr?: number;
  maxHr?: number;
  /** Steps/min, written as avgDoubleCadence (and avgRunCadence = half). */
  avgCadenceSpm?: number;
  calories?: number;
  manufacturer?: string;
  /** Uploaded file, stored in the UploadedFiles part ZIP as `<user>_<activityId>.fit` unless named. */
  file?: { bytes: Uint8Array; name?: string };
  /** Extra raw fields merged over the generated ones. */
  raw?: Record<string, unknown>;
}

/** One activity as Garmin writes it: cm, ms, epoch ms (research §2.3). */
export function garminActivityJson(a: GarminExportActivity): Record<string, unknown> {
  const json: Record<string, unknown> = {
    activityId: a.activityId,
    name: a.name ?? 'Running',
    activityType: a.activityType ?? 'running',
    sportType: a.sportType ?? 'RUNNING',
    beginTimestamp: a.startMs,
    startTimeGmt: a.startMs,
    startTimeLocal: a.startMs + (a.utcOffsetS ?? 0) * 1000,
    timeZoneId: 124,
    duration: a.durationS * 1000,
    elapsedDuration: (a.elapsedS ?? a.durationS) * 1000,
    movingDuration: (a.movingS ?? a.durationS) * 1000,
    distance: a.distanceM * 100,
    avgSpeed: a.distanceM / a.durationS / 10,
    manufacturer: a.manufacturer ?? 'GARMIN',
    deviceId: 3_415_000_000,
  };
  if (a.description !== undefined) json.description = a.description;
  if (a.ascentM !== undefined) json.elevationGain = a.ascentM * 100;
  if (a.descentM !== undefined) json.elevationLoss = a.descentM * 100;
  if (a.avgHr !== undefined) json.avgHr = a.avgHr;
  if (a.maxHr !== undefined) json.maxHr = a.maxHr;
  if (a.calories !== undefined) json.calories = a.calories;
  if (a.avgCadenceSpm !== undefined) {
    json.avgDoubleCadence = a.avgCadenceSpm;
    json.avgRunCadence = a.avgCadenceSpm / 2;
  }
  return { ...json, ...a.raw };
}

export function buildGarminSummarizedActivitiesJson(activities: readonly GarminExportActivity[]): string {
  return JSON.stringify([{ summarizedActivitiesExport: activities.map(garminActivityJson) }]);
}

export interface GarminExportGear {
  gearPk: number;
  displayName?: string | null;
  customMakeModel?: string | null;
  gearMakeName?: string;
  gearModelName?: string;
  gearTypeName?: string;
  gearStatusName?: 'active' | 'retired';
  dateBegin?: string;
  maximumMeters?: number;
  activityIds?: number[];
  /** Garmin activity type keys ("running", "trail_running") this pair is the default gear of. */
  defaultForTypes?: string[];
}

export function buildGarminGearJson(gear: readonly GarminExportGear[]): string {
  const gearActivityDTOs: Record<string, { activityId: number }[]> = {};
  for (const g of gear)
    gearActivityDTOs[String(g.gearPk)] = (g.activityIds ?? []).map((activityId) => ({ activityId }));
  return JSON.stringify([
    {
      gearDTOS: gear.map((g) => ({
        gearPk: g.gearPk,
        displayName: g.displayName ?? null,
        customMakeModel: g.customMakeModel ?? null,
        gearMakeName: g.gearMakeName ?? 'Other',
        gearModelName: g.gearModelName ?? 'Unknown Shoes',
        gearTypeName: g.gearTypeName ?? 'Shoes',
        gearStatusName: g.gearStatusName ?? 'active',
        dateBegin: g.dateBegin ?? '2024-01-01T00:00:00.0',
        dateEnd: null,
        maximumMeters: g.maximumMeters ?? 0,
      })),
      gearActivityDTOs,
      gearActivityTypeDTOS: gear.flatMap((g) =>
        (g.defaultForTypes ?? []).map((activityTypeKey) => ({
          gearPk: g.gearPk,
          activityTypeKey,
          defaultGear: true,
        })),
      ),
    },
  ]);
}

/**
 * A Garmin export ZIP: `DI_CONNECT/DI-Connect-Fitness/<user>_0_summarizedActivities.json`, `<user>_gear.json`,
 * and the activity files in `DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip` (newer
 * exports, default) or extracted in `DI_CONNECT/DI-Connect-Fitness/UploadedFiles_0-_Part1/` (older ones).
 */
export function buildGarminExportZip(options: {
  activities: readonly GarminExportActivity[];
  gear?: readonly GarminExportGear[];
  user?: string;
  uploadedFiles?: 'nested-zip' | 'folder';
}): Uint8Array {
  const user = options.user ?? 'runner@example.org';
  const fitness = 'DI_CONNECT/DI-Connect-Fitness';
  const files: ZipWriterEntry[] = options.activities
    .filter((a) => a.file)
    .map((a) => ({ path: a.file!.name ?? `${user}_${a.activityId}.fit`, data: a.file!.bytes }));
  const entries: ZipWriterEntry[] = [
    {
      path: `${fitness}/${user}_0_summarizedActivities.json`,
      data: utf8(buildGarminSummarizedActivitiesJson(options.activities)),
    },
    { path: `${fitness}/${user}_gear.json`, data: utf8(buildGarminGearJson(options.gear ?? [])) },
    { path: 'DI_CONNECT/DI-Connect-Wellness/x_sleepData.json', data: utf8('[]') },
  ];
  if ((options.uploadedFiles ?? 'nested-zip') === 'nested-zip') {
    entries.push({
      path: 'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip',
      data: buildZip(files),
    });
  } else {
    for (const f of files) entries.push({ ...f, path: `${fitness}/UploadedFiles_0-_Part1/${f.path}` });
  }
  return buildZip(entries);
}
