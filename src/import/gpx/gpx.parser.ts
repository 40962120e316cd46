import type { DecodeResult, ParsedActivity } from '../../domain/activity/activity.ts';
import { emptyTotals } from '../../domain/activity/activity.ts';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { dropImplausiblePositions, fillDistanceFromPositions } from '../xml/track-geometry.ts';
import { readXml, type XmlVisitor } from '../xml/xml-stream.reader.ts';
import { cadenceIsStrides, gpxSport } from './gpx-sport.mapper.ts';
import { GpxTrackCollector } from './gpx-track.collector.ts';

/**
 * GPX 1.0 / 1.1 → activities. One activity per `<trk>` that has at least two timed points; routes (`<rte>`),
 * waypoints and tracks without timestamps are plans, not recordings. GPX states no totals, so `totals` stay
 * empty for the summariser; the distance stream is computed from positions (haversine), without the gaps
 * between segments. Cadence: Garmin's `cad` counts strides (one foot) for foot sports, so it is doubled to
 * steps/min there; for rides and unknown sports it is kept as written (crank rpm for rides).
 */

type Warning = DecodeResult['warnings'][number];

interface FileFacts {
  creator: string | null;
  routes: number;
  waypoints: number;
  tracksWithoutTime: number;
  tracksTooShort: number;
  tracksStationary: number;
  badCoordinates: number;
}

export function parseGpx(bytes: Uint8Array): DecodeResult {
  const activities: ParsedActivity[] = [];
  const warnings: Warning[] = [];
  const facts: FileFacts = {
    creator: null,
    routes: 0,
    waypoints: 0,
    tracksWithoutTime: 0,
    tracksTooShort: 0,
    tracksStationary: 0,
    badCoordinates: 0,
  };
  let track: GpxTrackCollector | null = null;
  let depth = 0;
  let trackDepth = -1;
  let sawGpxRoot = false;

  const visitor: XmlVisitor = {
    open(name, attributes) {
      depth++;
      if (depth === 1) {
        if (name !== 'gpx') {
          throw new ImportError(
            IMPORT_CODES.UNSUPPORTED_FORMAT,
            `GPX: the root element is <${name}>, not <gpx>`,
          );
        }
        sawGpxRoot = true;
        facts.creator = attributes.creator?.trim() || null;
        return;
      }
      if (track !== null) {
        if (name === 'trkseg') track.startSegment();
        else if (name === 'trkpt') track.startPoint(attributes);
        return;
      }
      if (name === 'trk') {
        track = new GpxTrackCollector();
        trackDepth = depth;
      } else if (name === 'rte' && depth === 2) facts.routes++;
      else if (name === 'wpt' && depth === 2) facts.waypoints++;
    },
    close(name, text) {
      if (track !== null) {
        if (track.inPoint) {
          if (name === 'trkpt') track.endPoint();
          else track.pointField(name, text);
        } else if (name === 'trk' && depth === trackDepth) {
          finishTrack(track, facts, activities, warnings);
          track = null;
        } else if (depth === trackDepth + 1 && text.length > 0) {
          if (name === 'name') track.name = text;
          else if (name === 'type') track.type = text;
          else if (name === 'desc') track.description = text;
        }
      }
      depth--;
    },
  };

  const { truncated } = readXml(bytes, visitor, 'GPX');
  if (!sawGpxRoot) throw new ImportError(IMPORT_CODES.UNSUPPORTED_FORMAT, 'GPX: no <gpx> root element');
  if (truncated) {
    // The cut may fall inside a track: keep the points that were complete before it.
    if (track !== null) finishTrack(track, facts, activities, warnings);
    warnings.unshift({
      code: IMPORT_CODES.XML_TRUNCATED,
      message: 'GPX: the file ends before its closing tags (cut off); kept the points read before the cut',
    });
  }
  if (activities.length === 0) throw nothingToImport(facts, truncated);
  return { activities, warnings };
}

function finishTrack(
  track: GpxTrackCollector,
  facts: FileFacts,
  activities: ParsedActivity[],
  warnings: Warning[],
): void {
  const label = track.name === null ? 'a track' : `track "${track.name}"`;
  const b = track.builder;
  facts.badCoordinates += track.pointsBadCoordinates;
  if (track.pointsBadCoordinates > 0) {
    warnings.push({
      code: IMPORT_CODES.GPX_BAD_COORDINATES,
      message: `GPX: ${label}: skipped ${track.pointsBadCoordinates} point(s) whose lat/lon are not numbers`,
    });
  }
  if (track.pointsSeen === 0) return; // empty <trk> or <trkseg>: nothing recorded, nothing to report
  // Most points untimed: the few times are waypoint stamps on a drawn or converted track, not a recording.
  if (track.pointsWithoutTime > 0 && track.pointsWithoutTime >= b.length) {
    facts.tracksWithoutTime++;
    return;
  }
  if (b.length < 2) {
    facts.tracksTooShort++;
    return;
  }
  const skippedForTime = track.pointsWithoutTime + track.pointsOutOfOrder;
  if (skippedForTime > 0) {
    warnings.push({
      code: IMPORT_CODES.NO_TIMESTAMPS,
      message:
        `GPX: ${label}: skipped ${skippedForTime} point(s) without a usable <time> ` +
        `(${track.pointsWithoutTime} missing or unreadable, ${track.pointsOutOfOrder} earlier than the point before)`,
    });
  }

  const sport = gpxSport(track.type, track.name, facts.creator);
  const lat = b.view('latDeg') as Float64Array;
  const lon = b.view('lonDeg') as Float64Array;
  const implausible = dropImplausiblePositions(b.timeView(), lat, lon);
  if (implausible > 0) {
    warnings.push({
      code: IMPORT_CODES.POSITIONS_IMPLAUSIBLE,
      message: `GPX: ${label}: dropped ${implausible} impossible position(s) (0/0, out of range, or a jump over 100 m/s)`,
    });
  }
  const distance = b.view('distanceM') as Float64Array;
  fillDistanceFromPositions(lat, lon, distance, track.segmentStarts);
  const hasPositions = lat.some((v) => !Number.isNaN(v));
  if (hasPositions) b.remember('distanceM');
  else {
    b.forget('latDeg');
    b.forget('lonDeg');
  }
  // A "track" that never moves and measured nothing is a placeholder (route planners write one), not a workout.
  const moved = hasPositions && (distance[distance.length - 1] ?? 0) > 0;
  if (!moved && !b.has('heartRateBpm') && !b.has('cadence') && !b.has('powerW')) {
    facts.tracksStationary++;
    return;
  }
  if (cadenceIsStrides(sport) && b.has('cadence')) {
    const cadence = b.view('cadence');
    for (let i = 0; i < cadence.length; i++) cadence[i] = (cadence[i] as number) * 2;
  }

  const startMs = b.firstTimeMs;
  activities.push({
    format: 'gpx',
    sport,
    rawSport: track.type ?? '',
    startMs,
    utcOffsetS: track.firstOffsetS,
    totals: emptyTotals(),
    streams: b.build(startMs),
    device: facts.creator,
    name: track.name,
    description: track.description,
    gearName: null,
    externalId: null,
  });
}

/** The most telling reason a GPX held no activity. */
function nothingToImport(facts: FileFacts, truncated: boolean): ImportError {
  if (truncated) {
    return new ImportError(
      IMPORT_CODES.XML_TRUNCATED,
      'GPX: the file is cut off before its first complete track',
    );
  }
  if (facts.tracksWithoutTime > 0) {
    return new ImportError(
      IMPORT_CODES.NO_TIMESTAMPS,
      'GPX: the track points carry no <time>: a planned route or a drawn track, not a recorded activity',
    );
  }
  if (facts.badCoordinates > 0) {
    return new ImportError(
      IMPORT_CODES.GPX_BAD_COORDINATES,
      'GPX: every track point has a lat/lon that is not a number; nothing left to import',
    );
  }
  if (facts.tracksStationary > 0) {
    return new ImportError(
      IMPORT_CODES.NOT_AN_ACTIVITY,
      'GPX: the track never moves and holds no heart rate, cadence or power: not a recorded activity',
    );
  }
  if (facts.routes > 0 || facts.waypoints > 0) {
    return new ImportError(
      IMPORT_CODES.NOT_AN_ACTIVITY,
      'GPX: the file holds only routes (<rte>) or waypoints (<wpt>), no recorded track (<trk>)',
    );
  }
  if (facts.tracksTooShort > 0) {
    return new ImportError(
      IMPORT_CODES.NO_DATA,
      'GPX: the track holds a single timed point; an activity needs two',
    );
  }
  return new ImportError(IMPORT_CODES.NO_DATA, 'GPX: the file holds no track points');
}
