/**
 * Synthetic FIT activity files for tests and the import benchmark. `buildFitRun` uses a minimal encoder of
 * our own (the official SDK Encoder builds one object per message and is far too slow for thousands of
 * hour-long files); `buildFitRunWithOfficialEncoder` writes the same samples with @garmin/fitsdk's Encoder,
 * and a test checks both decode to the same values.
 */
import { Encoder } from '@garmin/fitsdk';
import { fitCrc } from '../../src/import/fit/fit-crc.ts';
import { generateSamples, type SyntheticRun, type SyntheticSamples } from './fit-samples.factory.ts';

export type { SyntheticRun, SyntheticSamples } from './fit-samples.factory.ts';
export { generateSamples } from './fit-samples.factory.ts';

// FIT base types.
const ENUM = 0x00;
const UINT8 = 0x02;
const UINT16 = 0x84;
const SINT32 = 0x85;
const UINT32 = 0x86;
const UINT32Z = 0x8c;
const SIZE: Record<number, number> = {
  [ENUM]: 1,
  [UINT8]: 1,
  [UINT16]: 2,
  [SINT32]: 4,
  [UINT32]: 4,
  [UINT32Z]: 4,
};

type Field = readonly [num: number, type: number, value: number];

/** Growable little-endian byte writer with FIT definition/data message helpers. */
class FitWriter {
  private buf: Uint8Array;
  private view: DataView;
  pos = 14;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  define(local: number, global: number, fields: readonly (readonly [number, number])[]): void {
    this.ensure(6 + fields.length * 3);
    const b = this.buf;
    b[this.pos++] = 0x40 | local;
    b[this.pos++] = 0; // reserved
    b[this.pos++] = 0; // little-endian
    this.view.setUint16(this.pos, global, true);
    this.pos += 2;
    b[this.pos++] = fields.length;
    for (const [num, type] of fields) {
      b[this.pos++] = num;
      b[this.pos++] = SIZE[type] as number;
      b[this.pos++] = type;
    }
  }

  /** A one-off message: definition then data, fields in the given order. */
  message(local: number, global: number, fields: readonly Field[]): void {
    this.define(
      local,
      global,
      fields.map(([num, type]) => [num, type] as const),
    );
    this.ensure(1 + fields.length * 4);
    this.buf[this.pos++] = local;
    for (const [, type, value] of fields) this.value(type, value);
  }

  value(type: number, value: number): void {
    const v = this.view;
    switch (type) {
      case ENUM:
      case UINT8:
        this.buf[this.pos++] = value;
        return;
      case UINT16:
        v.setUint16(this.pos, value, true);
        this.pos += 2;
        return;
      case SINT32:
        v.setInt32(this.pos, value, true);
        this.pos += 4;
        return;
      default:
        v.setUint32(this.pos, value, true);
        this.pos += 4;
    }
  }

  reserve(bytes: number): void {
    this.ensure(bytes);
  }

  /** Fills in the 14-byte header and appends the file CRC. */
  finish(): Uint8Array {
    this.ensure(2);
    const b = this.buf;
    const dataSize = this.pos - 14;
    b[0] = 14;
    b[1] = 0x20; // protocol 2.0
    this.view.setUint16(2, 2132, true); // profile 21.32
    this.view.setUint32(4, dataSize, true);
    b.set([0x2e, 0x46, 0x49, 0x54], 8); // ".FIT"
    this.view.setUint16(12, fitCrc(b, 0, 12), true);
    this.view.setUint16(this.pos, fitCrc(b, 0, this.pos), true);
    this.pos += 2;
    return b.slice(0, this.pos);
  }
}

const GARMIN = 1;
const FENIX_5 = 2697;

/** 1 Hz records plus file_id, device_info, timer events, lap, session and activity. */
export function buildFitRun(run: SyntheticRun): Uint8Array {
  const s = generateSamples(run);
  const end = s.startFit + s.count - 1;
  const w = new FitWriter(s.count * 32 + 1024);
  w.message(0, 0, [
    [0, ENUM, 4], // type: activity
    [1, UINT16, GARMIN],
    [2, UINT16, FENIX_5],
    [3, UINT32Z, 3945849289],
    [4, UINT32, s.startFit],
  ]);
  w.message(1, 23, [
    [253, UINT32, s.startFit],
    [0, UINT8, 0], // creator
    [2, UINT16, GARMIN],
    [4, UINT16, FENIX_5],
  ]);
  w.message(2, 21, [
    [253, UINT32, s.startFit],
    [0, ENUM, 0], // timer
    [1, ENUM, 0], // start
  ]);
  writeRecords(w, s);
  w.message(2, 21, [
    [253, UINT32, end],
    [0, ENUM, 0],
    [1, ENUM, 4], // stop_all
  ]);
  const summary = summaryFields(s);
  w.message(4, 19, [[253, UINT32, end], ...summary.lap]);
  w.message(5, 18, [[253, UINT32, end], ...summary.session]);
  w.message(6, 34, [
    [253, UINT32, end],
    [0, UINT32, s.session.elapsedMs],
    [1, UINT16, 1],
    [2, ENUM, 0], // manual
    [3, ENUM, 26], // activity
    [4, ENUM, 1], // stop
    [5, UINT32, end + (run.utcOffsetS ?? 0)],
  ]);
  return w.finish();
}

function writeRecords(w: FitWriter, s: SyntheticSamples): void {
  const fields: [number, number][] = [[253, UINT32]];
  if (s.lat) fields.push([0, SINT32], [1, SINT32]);
  fields.push([5, UINT32], [78, UINT32], [73, UINT32]);
  if (s.heartRate) fields.push([3, UINT8]);
  fields.push([4, UINT8], [53, UINT8]);
  if (s.power) fields.push([7, UINT16]);
  w.define(3, 20, fields);
  const size = 1 + fields.reduce((n, [, type]) => n + (SIZE[type] as number), 0);
  w.reserve(size * s.count);
  for (let i = 0; i < s.count; i++) {
    w.value(UINT8, 3);
    w.value(UINT32, s.startFit + i);
    if (s.lat && s.lon) {
      w.value(SINT32, s.lat[i] as number);
      w.value(SINT32, s.lon[i] as number);
    }
    w.value(UINT32, s.distance[i] as number);
    w.value(UINT32, s.altitude[i] as number);
    w.value(UINT32, s.speed[i] as number);
    if (s.heartRate) w.value(UINT8, s.heartRate[i] as number);
    w.value(UINT8, s.cadence[i] as number);
    w.value(UINT8, s.fractionalCadence[i] as number);
    if (s.power) w.value(UINT16, s.power[i] as number);
  }
}

/** Lap and session fields (same values, different field numbers). */
function summaryFields(s: SyntheticSamples): { lap: Field[]; session: Field[] } {
  const t = s.session;
  const common = (
    sport: number,
    subSport: number,
    hr: [number, number],
    cad: [number, number],
    asc: [number, number],
  ) => {
    const f: Field[] = [
      [2, UINT32, s.startFit],
      [7, UINT32, t.elapsedMs],
      [8, UINT32, t.elapsedMs],
      [9, UINT32, t.distanceCm],
      [11, UINT16, t.calories],
      [asc[0], UINT16, t.ascentM],
      [asc[1], UINT16, t.descentM],
      [cad[0], UINT8, t.avgCadence],
      [cad[1], UINT8, t.avgFractionalCadence],
      [sport, ENUM, s.sport],
      [subSport, ENUM, s.subSport],
    ];
    if (s.lat && s.lon) f.push([3, SINT32, s.lat[0] as number], [4, SINT32, s.lon[0] as number]);
    if (t.avgHr !== null && t.maxHr !== null) f.push([hr[0], UINT8, t.avgHr], [hr[1], UINT8, t.maxHr]);
    return f;
  };
  return {
    lap: common(25, 39, [15, 16], [17, 80], [21, 22]),
    session: common(5, 6, [16, 17], [18, 92], [22, 23]),
  };
}

/** The same file content written with @garmin/fitsdk's Encoder (slow: tests only). */
type SdkMesg = Parameters<Encoder['onMesg']>[1];
/** The SDK's message types are per message; plain objects with profile field names are what it reads. */
const mesg = (fields: Record<string, unknown>): SdkMesg => fields as SdkMesg;

export function buildFitRunWithOfficialEncoder(run: SyntheticRun): Uint8Array {
  const s = generateSamples(run);
  const end = s.startFit + s.count - 1;
  const t = s.session;
  const enc = new Encoder();
  enc.onMesg(
    0,
    mesg({
      type: 'activity',
      manufacturer: 'garmin',
      product: FENIX_5,
      serialNumber: 3945849289,
      timeCreated: s.startFit,
    }),
  );
  enc.onMesg(23, mesg({ timestamp: s.startFit, deviceIndex: 0, manufacturer: 'garmin', product: FENIX_5 }));
  enc.onMesg(21, mesg({ timestamp: s.startFit, event: 'timer', eventType: 'start' }));
  for (let i = 0; i < s.count; i++) {
    const rec: Record<string, number> = {
      timestamp: s.startFit + i,
      distance: (s.distance[i] as number) / 100,
      enhancedAltitude: (s.altitude[i] as number) / 5 - 500,
      enhancedSpeed: (s.speed[i] as number) / 1000,
      cadence: s.cadence[i] as number,
      fractionalCadence: (s.fractionalCadence[i] as number) / 128,
    };
    if (s.lat && s.lon) {
      rec.positionLat = s.lat[i] as number;
      rec.positionLong = s.lon[i] as number;
    }
    if (s.heartRate) rec.heartRate = s.heartRate[i] as number;
    if (s.power) rec.power = s.power[i] as number;
    enc.onMesg(20, mesg(rec));
  }
  enc.onMesg(21, mesg({ timestamp: end, event: 'timer', eventType: 'stopAll' }));
  const summary: Record<string, number> = {
    timestamp: end,
    startTime: s.startFit,
    totalElapsedTime: t.elapsedMs / 1000,
    totalTimerTime: t.elapsedMs / 1000,
    totalDistance: t.distanceCm / 100,
    totalCalories: t.calories,
    totalAscent: t.ascentM,
    totalDescent: t.descentM,
    avgCadence: t.avgCadence,
    avgFractionalCadence: t.avgFractionalCadence / 128,
    sport: s.sport,
    subSport: s.subSport,
  };
  if (s.lat && s.lon) {
    summary.startPositionLat = s.lat[0] as number;
    summary.startPositionLong = s.lon[0] as number;
  }
  if (t.avgHr !== null && t.maxHr !== null) {
    summary.avgHeartRate = t.avgHr;
    summary.maxHeartRate = t.maxHr;
  }
  enc.onMesg(19, mesg(summary));
  enc.onMesg(18, mesg(summary));
  enc.onMesg(
    34,
    mesg({
      timestamp: end,
      totalTimerTime: t.elapsedMs / 1000,
      numSessions: 1,
      type: 'manual',
      event: 'activity',
      eventType: 'stop',
      localTimestamp: end + (run.utcOffsetS ?? 0),
    }),
  );
  return enc.close();
}
