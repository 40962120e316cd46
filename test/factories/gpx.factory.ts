import {
  DEFAULT_START_MS,
  isoSeconds,
  type SyntheticPoint,
  syntheticTrack,
  xmlEscape,
} from './synthetic-track.ts';

/**
 * Synthetic GPX recordings for tests: deterministic (same options, same bytes), 1 Hz or sparser, optional heart
 * rate and cadence, several segments (pauses between them) and several tracks, GPX 1.0 or 1.1. Cadence is
 * written the way Garmin does, in strides/min.
 */
export interface GpxFactoryOptions {
  startMs?: number;
  durationS?: number;
  intervalS?: number;
  speedMps?: number;
  version?: '1.0' | '1.1';
  /** `<trk><type>`; null writes none. */
  type?: string | null;
  name?: string | null;
  creator?: string;
  heartRate?: boolean;
  cadence?: boolean;
  segments?: number;
  pauseS?: number;
  /** Number of `<trk>`; each starts two hours after the previous one. */
  tracks?: number;
  /** Leave `<time>` out of every point (a drawn route). */
  withoutTime?: boolean;
  /** Hills along the way: `count` climbs of `heightM`, each back down again (about count × heightM descent). */
  hills?: { count: number; heightM: number } | null;
}

function pointXml(p: SyntheticPoint, o: Required<GpxFactoryOptions>): string {
  const parts = [
    `<trkpt lat="${p.latDeg.toFixed(7)}" lon="${p.lonDeg.toFixed(7)}">`,
    `<ele>${p.altitudeM}</ele>`,
  ];
  if (!o.withoutTime) parts.push(`<time>${isoSeconds(p.timeMs)}</time>`);
  const sensors: string[] = [];
  if (o.heartRate)
    sensors.push(
      o.version === '1.1'
        ? `<gpxtpx:hr>${p.heartRateBpm}</gpxtpx:hr>`
        : `<gpxdata:hr>${p.heartRateBpm}</gpxdata:hr>`,
    );
  if (o.cadence) {
    sensors.push(
      o.version === '1.1'
        ? `<gpxtpx:cad>${p.cadenceStrides}</gpxtpx:cad>`
        : `<gpxdata:cadence>${p.cadenceStrides}</gpxdata:cadence>`,
    );
  }
  if (sensors.length > 0) {
    // GPX 1.0 has no <extensions>: foreign-namespace elements sit directly in the point (Cluetrust gpxdata).
    parts.push(
      o.version === '1.1'
        ? `<extensions><gpxtpx:TrackPointExtension>${sensors.join('')}</gpxtpx:TrackPointExtension></extensions>`
        : sensors.join(''),
    );
  }
  parts.push('</trkpt>');
  return parts.join('');
}

/** The point raised by the hills at its distance along the path (a cosine up and down per hill). */
function withHills(p: SyntheticPoint, hills: GpxFactoryOptions['hills'], lengthM: number): SyntheticPoint {
  if (!hills || lengthM <= 0) return p;
  const phase = (2 * Math.PI * hills.count * p.distanceM) / lengthM;
  const raised = p.altitudeM + (hills.heightM / 2) * (1 - Math.cos(phase));
  return { ...p, altitudeM: Math.round(raised * 10) / 10 };
}

export function buildGpx(options: GpxFactoryOptions = {}): Uint8Array {
  const o: Required<GpxFactoryOptions> = {
    startMs: DEFAULT_START_MS,
    durationS: 600,
    intervalS: 1,
    speedMps: 3,
    version: '1.1',
    type: 'running',
    name: 'Synthetic run',
    creator: 'kneewise test factory',
    heartRate: false,
    cadence: false,
    segments: 1,
    pauseS: 60,
    tracks: 1,
    withoutTime: false,
    hills: null,
    ...options,
  };
  const ns = o.version === '1.1' ? 'http://www.topografix.com/GPX/1/1' : 'http://www.topografix.com/GPX/1/0';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="${o.version}" creator="${xmlEscape(o.creator)}" xmlns="${ns}"` +
      ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"' +
      ' xmlns:gpxdata="http://www.cluetrust.com/XML/GPXDATA/1/0">',
  ];
  for (let t = 0; t < o.tracks; t++) {
    const segments = syntheticTrack({
      startMs: o.startMs + t * 2 * 3600 * 1000,
      durationS: o.durationS,
      intervalS: o.intervalS,
      speedMps: o.speedMps,
      segments: o.segments,
      pauseS: o.pauseS,
      originLat: 46.05 + t * 0.01,
      originLon: 14.5,
    });
    lines.push('<trk>');
    if (o.name !== null)
      lines.push(`<name>${xmlEscape(o.tracks > 1 ? `${o.name} ${t + 1}` : o.name)}</name>`);
    if (o.type !== null) lines.push(`<type>${xmlEscape(o.type)}</type>`);
    const lengthM = o.speedMps * o.durationS;
    for (const segment of segments) {
      lines.push('<trkseg>');
      for (const p of segment) lines.push(pointXml(withHills(p, o.hills, lengthM), o));
      lines.push('</trkseg>');
    }
    lines.push('</trk>');
  }
  lines.push('</gpx>', '');
  return new TextEncoder().encode(lines.join('\n'));
}
