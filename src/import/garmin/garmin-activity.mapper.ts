/**
 * Garmin summary rows → our activity values: a whole ParsedActivity for activities whose uploaded file is
 * missing or unreadable, or the metadata to lay over the activity decoded from the matching FIT file.
 */
import { type ParsedActivity, statedTotalsOf } from '../../domain/activity/activity.ts';
import type { GarminActivityRow } from './garmin-activities.parser.ts';

/** A summary-only activity (format 'garmin-json', no streams), with the offset from startTimeLocal. */
export function garminRowToActivity(row: GarminActivityRow): ParsedActivity {
  return {
    format: 'garmin-json',
    sport: row.sport,
    rawSport: row.activityType || (row.sportType ?? ''),
    startMs: row.startMs,
    utcOffsetS: row.utcOffsetS,
    totals: statedTotalsOf(row),
    streams: null,
    device: row.device,
    name: row.name,
    description: row.description,
    gearName: null,
    externalId: row.activityId,
  };
}

/**
 * What the summary adds to a decoded FIT: `{ ...decoded, ...garminMetadataFor(row) }`. Gear comes from
 * parseGarminGear's links (by activityId), not from the summary.
 */
export function garminMetadataFor(
  row: GarminActivityRow,
): Pick<ParsedActivity, 'name' | 'description' | 'externalId'> {
  return { name: row.name, description: row.description, externalId: row.activityId };
}
