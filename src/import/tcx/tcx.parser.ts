import type { ActivityStreams, DecodeResult, ParsedActivity } from '../../domain/activity/activity.ts';
import { emptyTotals } from '../../domain/activity/activity.ts';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { dropImplausiblePositions, fillDistanceFromPositions } from '../xml/track-geometry.ts';
import { readXml, type XmlVisitor } from '../xml/xml-stream.reader.ts';
import { TcxActivityCollector } from './tcx-activity.collector.ts';

/**
 * Garmin Training Center (TCX) → activities, one per `<Activity>` (a file may hold several). Totals are what
 * the laps state (see tcx-lap.totals.ts); streams are the trackpoints of all laps joined. Distance is the
 * device's per-point DistanceMeters when present, else computed from positions. `<Courses>` are planned
 * routes, not activities.
 */

type Warning = DecodeResult['warnings'][number];

const CLOCK_MISMATCH_MS = 24 * 3600 * 1000;

export function parseTcx(bytes: Uint8Array): DecodeResult {
  const activities: ParsedActivity[] = [];
  const warnings: Warning[] = [];
  const stack: string[] = [];
  let activity: TcxActivityCollector | null = null;
  let courses = 0;
  let emptyActivities = 0;

  const visitor: XmlVisitor = {
    open(name, attributes) {
      stack.push(name);
      if (stack.length === 1 && name !== 'TrainingCenterDatabase') {
        throw new ImportError(
          IMPORT_CODES.UNSUPPORTED_FORMAT,
          `TCX: the root element is <${name}>, not <TrainingCenterDatabase>`,
        );
      }
      if (activity === null) {
        if (name === 'Activity') activity = new TcxActivityCollector(attributes.Sport ?? '');
        else if (name === 'Course') courses++;
        return;
      }
      if (name === 'Trackpoint') activity.startPoint();
      else if (name === 'Lap') activity.startLap(attributes);
    },
    close(name, text) {
      const parent = stack[stack.length - 2] ?? '';
      if (activity !== null) {
        if (activity.inPoint) {
          if (name === 'Trackpoint') activity.endPoint();
          else activity.pointField(name, parent, text);
        } else if (activity.inLap) {
          if (name === 'Lap') activity.endLap();
          else activity.lapField(name, parent, text);
        } else if (name === 'Activity') {
          if (!finishActivity(activity, false, activities, warnings)) emptyActivities++;
          activity = null;
        } else if (name === 'Id' && parent === 'Activity') activity.setId(text);
        else if (name === 'Notes' && parent === 'Activity' && text.length > 0) activity.notes = text;
        else if (name === 'Name' && parent === 'Creator' && text.length > 0) activity.device = text;
      }
      stack.pop();
    },
  };

  const { truncated } = readXml(bytes, visitor, 'TCX');
  if (truncated) {
    if (activity !== null && !finishActivity(activity, true, activities, warnings)) emptyActivities++;
    warnings.unshift({
      code: IMPORT_CODES.XML_TRUNCATED,
      message:
        'TCX: the file ends before its closing tags (cut off); kept the trackpoints read before the cut ' +
        'and dropped the lap totals of the cut activity (they describe laps that were not read in full)',
    });
  }
  if (activities.length > 0) return { activities, warnings };
  if (truncated)
    throw new ImportError(IMPORT_CODES.XML_TRUNCATED, 'TCX: the file is cut off before any data');
  if (emptyActivities > 0) {
    throw new ImportError(
      IMPORT_CODES.NO_DATA,
      'TCX: the <Activity> holds no timed trackpoints and no lap totals',
    );
  }
  if (courses > 0) {
    throw new ImportError(
      IMPORT_CODES.NOT_AN_ACTIVITY,
      'TCX: the file holds only <Courses> (a planned route), no recorded <Activity>',
    );
  }
  throw new ImportError(IMPORT_CODES.NOT_AN_ACTIVITY, 'TCX: the file holds no <Activity>');
}

/** Turns a collected activity into a ParsedActivity; false when it holds nothing to import. */
function finishActivity(
  collected: TcxActivityCollector,
  truncated: boolean,
  activities: ParsedActivity[],
  warnings: Warning[],
): boolean {
  const b = collected.builder;
  const startMs = collected.resolvedStartMs();
  const label = Number.isNaN(startMs) ? 'an activity' : `activity ${new Date(startMs).toISOString()}`;
  if (Number.isNaN(startMs) || (b.length === 0 && !collected.laps.stated)) return false;

  if (collected.duplicateLaps > 0) {
    warnings.push({
      code: IMPORT_CODES.TCX_DUPLICATE_LAP,
      message: `TCX: ${label}: ignored ${collected.duplicateLaps} lap(s) repeating an earlier lap's StartTime`,
    });
  }
  // Trackpoint times a day or more away from the activity's own start come from a wrong device clock or an
  // edited file (tcx/garmin-edge500-ride-sparse.tcx: Id in 2015, every point at one instant in 2021). Such a
  // stream cannot be placed in time; the lap totals still can.
  if (b.length > 0 && Math.abs(b.firstTimeMs - startMs) > CLOCK_MISMATCH_MS) {
    warnings.push({
      code: IMPORT_CODES.NO_TIMESTAMPS,
      message:
        `TCX: ${label}: trackpoint times start at ${new Date(b.firstTimeMs).toISOString()}, more than a day ` +
        'away from the activity start; dropped the trackpoints and kept the lap totals',
    });
    activities.push(toActivity(collected, startMs, truncated, null));
    return true;
  }

  const skipped = collected.pointsWithoutTime + collected.pointsOutOfOrder;
  if (skipped > 0) {
    warnings.push({
      code: IMPORT_CODES.NO_TIMESTAMPS,
      message:
        `TCX: ${label}: skipped ${skipped} trackpoint(s) without a usable <Time> ` +
        `(${collected.pointsWithoutTime} missing or unreadable, ${collected.pointsOutOfOrder} earlier than the point before)`,
    });
  }
  const lat = b.view('latDeg') as Float64Array;
  const lon = b.view('lonDeg') as Float64Array;
  const implausible = collected.badPositionText + dropImplausiblePositions(b.timeView(), lat, lon);
  if (implausible > 0) {
    warnings.push({
      code: IMPORT_CODES.POSITIONS_IMPLAUSIBLE,
      message:
        `TCX: ${label}: dropped ${implausible} impossible position(s) ` +
        '(not numbers, 0/0, out of range, or a jump over 100 m/s); the rest of each trackpoint is kept',
    });
  }
  const hasPositions = lat.some((v) => !Number.isNaN(v));
  if (!hasPositions) {
    b.forget('latDeg');
    b.forget('lonDeg');
  }
  if (!b.has('distanceM') && hasPositions) {
    fillDistanceFromPositions(lat, lon, b.view('distanceM') as Float64Array);
    b.remember('distanceM');
  }

  activities.push(toActivity(collected, startMs, truncated, b.length === 0 ? null : b.build(startMs)));
  return true;
}

function toActivity(
  collected: TcxActivityCollector,
  startMs: number,
  truncated: boolean,
  streams: ActivityStreams | null,
): ParsedActivity {
  return {
    format: 'tcx',
    sport: collected.sport,
    rawSport: collected.rawSport,
    startMs,
    utcOffsetS: collected.utcOffsetS,
    totals: truncated ? emptyTotals() : collected.laps.toTotals(),
    streams,
    device: collected.device,
    name: null,
    description: collected.notes,
    gearName: null,
    externalId: null,
  };
}
