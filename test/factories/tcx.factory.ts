import {
  DEFAULT_START_MS,
  isoSeconds,
  type SyntheticPoint,
  syntheticTrack,
  xmlEscape,
} from './synthetic-track.ts';

/**
 * Synthetic TCX recordings for tests: deterministic, 1 Hz or sparser, laps with stated totals, several
 * activities per file, optional heart rate and cadence. Cadence follows Garmin: Running writes `<RunCadence>`
 * (strides/min) in the TPX extension and `<AvgRunCadence>` in the lap's LX; Biking writes plain `<Cadence>`
 * (rpm). `leadingWhitespace` reproduces Strava archive files that start with blank lines before `<?xml`.
 */
export interface TcxFactoryOptions {
  startMs?: number;
  durationS?: number;
  intervalS?: number;
  speedMps?: number;
  sport?: 'Running' | 'Biking' | 'Other';
  heartRate?: boolean;
  cadence?: boolean;
  /** Laps per activity; the track is split evenly, without pauses. */
  laps?: number;
  /** Activities per file; each starts three hours after the previous one. */
  activities?: number;
  creatorName?: string | null;
  leadingWhitespace?: boolean;
}

function trackpointXml(p: SyntheticPoint, o: Required<TcxFactoryOptions>): string {
  const parts = [
    '<Trackpoint>',
    `<Time>${isoSeconds(p.timeMs)}</Time>`,
    `<Position><LatitudeDegrees>${p.latDeg.toFixed(7)}</LatitudeDegrees><LongitudeDegrees>${p.lonDeg.toFixed(7)}</LongitudeDegrees></Position>`,
    `<AltitudeMeters>${p.altitudeM}</AltitudeMeters>`,
    `<DistanceMeters>${p.distanceM.toFixed(2)}</DistanceMeters>`,
  ];
  if (o.heartRate) parts.push(`<HeartRateBpm><Value>${p.heartRateBpm}</Value></HeartRateBpm>`);
  if (o.cadence && o.sport !== 'Running') parts.push(`<Cadence>${p.cadenceStrides}</Cadence>`);
  const tpx = [`<Speed>${o.speedMps.toFixed(3)}</Speed>`];
  if (o.cadence && o.sport === 'Running') tpx.push(`<RunCadence>${p.cadenceStrides}</RunCadence>`);
  parts.push(`<Extensions><ns3:TPX>${tpx.join('')}</ns3:TPX></Extensions>`, '</Trackpoint>');
  return parts.join('');
}

/** `end` is where the lap stops: the next lap's first point, or the lap's own last point for the final lap. */
function lapXml(points: SyntheticPoint[], end: SyntheticPoint, o: Required<TcxFactoryOptions>): string {
  const first = points[0] as SyntheticPoint;
  const last = end;
  const timeS = (last.timeMs - first.timeMs) / 1000;
  const lines = [
    `<Lap StartTime="${isoSeconds(first.timeMs)}">`,
    `<TotalTimeSeconds>${timeS.toFixed(1)}</TotalTimeSeconds>`,
    `<DistanceMeters>${(last.distanceM - first.distanceM).toFixed(2)}</DistanceMeters>`,
    `<Calories>${Math.round(timeS / 10)}</Calories>`,
  ];
  if (o.heartRate) {
    const hr = points.map((p) => p.heartRateBpm);
    const avg = Math.round(hr.reduce((a, b) => a + b, 0) / hr.length);
    lines.push(`<AverageHeartRateBpm><Value>${avg}</Value></AverageHeartRateBpm>`);
    lines.push(`<MaximumHeartRateBpm><Value>${Math.max(...hr)}</Value></MaximumHeartRateBpm>`);
  }
  lines.push('<Intensity>Active</Intensity>');
  const avgCad = Math.round(points.reduce((a, p) => a + p.cadenceStrides, 0) / points.length);
  if (o.cadence && o.sport !== 'Running') lines.push(`<Cadence>${avgCad}</Cadence>`);
  lines.push('<TriggerMethod>Manual</TriggerMethod>', '<Track>');
  for (const p of points) lines.push(trackpointXml(p, o));
  lines.push('</Track>');
  if (o.cadence && o.sport === 'Running') {
    lines.push(`<Extensions><ns3:LX><ns3:AvgRunCadence>${avgCad}</ns3:AvgRunCadence></ns3:LX></Extensions>`);
  }
  lines.push('</Lap>');
  return lines.join('\n');
}

export function buildTcx(options: TcxFactoryOptions = {}): Uint8Array {
  const o: Required<TcxFactoryOptions> = {
    startMs: DEFAULT_START_MS,
    durationS: 600,
    intervalS: 1,
    speedMps: 3,
    sport: 'Running',
    heartRate: false,
    cadence: false,
    laps: 1,
    activities: 1,
    creatorName: 'Forerunner Synthetic',
    leadingWhitespace: false,
    ...options,
  };
  const lines = [
    `${o.leadingWhitespace ? '\n\n   ' : ''}<?xml version="1.0" encoding="UTF-8"?>`,
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"' +
      ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
    '<Activities>',
  ];
  for (let a = 0; a < o.activities; a++) {
    const startMs = o.startMs + a * 3 * 3600 * 1000;
    // One continuous track; laps share their boundary point, as Garmin writes them.
    const [points = []] = syntheticTrack({
      startMs,
      durationS: o.durationS,
      intervalS: o.intervalS,
      speedMps: o.speedMps,
      segments: 1,
      pauseS: 0,
      originLat: 46.05 + a * 0.01,
      originLon: 14.5,
    });
    lines.push(`<Activity Sport="${o.sport}">`, `<Id>${isoSeconds(startMs)}</Id>`);
    // Laps split the samples without sharing any; lap times and distances still add up to the whole.
    const perLap = Math.ceil((points.length - 1) / o.laps);
    for (let l = 0; l < o.laps; l++) {
      const from = l * perLap;
      const final = l === o.laps - 1;
      const to = final ? points.length - 1 : Math.min(points.length - 1, (l + 1) * perLap);
      const lapPoints = points.slice(from, final ? to + 1 : to);
      if (lapPoints.length > 0) lines.push(lapXml(lapPoints, points[to] as SyntheticPoint, o));
    }
    if (o.creatorName !== null) {
      lines.push(
        `<Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>${xmlEscape(o.creatorName)}</Name></Creator>`,
      );
    }
    lines.push('</Activity>');
  }
  lines.push('</Activities>', '</TrainingCenterDatabase>', '');
  return new TextEncoder().encode(lines.join('\n'));
}
