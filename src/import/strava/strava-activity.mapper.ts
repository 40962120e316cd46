/**
 * Strava activities.csv rows → our activity values: a whole ParsedActivity for activities without a usable
 * file (manual entries, "#error#" files, files that failed to decode), or the metadata to lay over the
 * activity decoded from the row's file (the file knows the streams; the CSV knows what the user typed).
 */
import { type ParsedActivity, statedTotalsOf } from '../../domain/activity/activity.ts';
import type { StravaActivityRow } from './strava-activities.parser.ts';

/** A summary-only activity (format 'strava-csv', no streams). Strava's date has no offset: utcOffsetS is null. */
export function stravaRowToActivity(row: StravaActivityRow): ParsedActivity {
  return {
    format: 'strava-csv',
    sport: row.sport,
    rawSport: row.activityType,
    startMs: row.startMs,
    utcOffsetS: null,
    totals: statedTotalsOf(row),
    streams: null,
    device: null,
    name: row.name,
    description: row.description,
    gearName: row.gearName,
    externalId: row.activityId,
  };
}

export type StravaMetadata = Pick<ParsedActivity, 'name' | 'description' | 'gearName' | 'externalId'>;

/**
 * What the CSV adds to the activity decoded from the row's file: `{ ...decoded, ...stravaMetadataFor(row) }`.
 * Name and gear are what the user set on Strava, which a device file cannot know; the externalId is the
 * Strava Activity ID (not the file's stem). Sport is left to the file: the lead may prefer Strava's type when
 * the file says only "running" and Strava says TrailRun (row.sport).
 */
export function stravaMetadataFor(row: StravaActivityRow): StravaMetadata {
  return {
    name: row.name,
    description: row.description,
    gearName: row.gearName,
    externalId: row.activityId,
  };
}
