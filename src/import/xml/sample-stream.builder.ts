import type { ActivityStreams } from '../../domain/activity/activity.ts';

/**
 * Collects per-sample values into growable typed arrays, column by column, so a 20 000-point track costs a
 * handful of buffers instead of 20 000 point objects. The format parser fills one reusable `SampleRow` per
 * point and commits it with `push`.
 */

/** One sample being read. NaN means "not in this point". Reset it with `clearRow` before each point. */
export interface SampleRow {
  timeMs: number;
  latDeg: number;
  lonDeg: number;
  distanceM: number;
  altitudeM: number;
  speedMps: number;
  heartRateBpm: number;
  cadence: number;
  powerW: number;
}

export function newRow(): SampleRow {
  const row = {} as SampleRow;
  clearRow(row);
  return row;
}

export function clearRow(row: SampleRow): void {
  row.timeMs = Number.NaN;
  row.latDeg = Number.NaN;
  row.lonDeg = Number.NaN;
  row.distanceM = Number.NaN;
  row.altitudeM = Number.NaN;
  row.speedMps = Number.NaN;
  row.heartRateBpm = Number.NaN;
  row.cadence = Number.NaN;
  row.powerW = Number.NaN;
}

type Column =
  | 'latDeg'
  | 'lonDeg'
  | 'distanceM'
  | 'altitudeM'
  | 'speedMps'
  | 'heartRateBpm'
  | 'cadence'
  | 'powerW';

/** One bit per column in `seen`. */
const BIT: Readonly<Record<Column, number>> = {
  latDeg: 1,
  lonDeg: 2,
  distanceM: 4,
  altitudeM: 8,
  speedMps: 16,
  heartRateBpm: 32,
  cadence: 64,
  powerW: 128,
};

function grow<T extends Float64Array | Float32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export class SampleStreamBuilder {
  private count = 0;
  private capacity: number;
  private time: Float64Array;
  private latDeg: Float64Array;
  private lonDeg: Float64Array;
  private distanceM: Float64Array;
  private altitudeM: Float32Array;
  private speedMps: Float32Array;
  private heartRateBpm: Float32Array;
  private cadence: Float32Array;
  private powerW: Float32Array;
  /** Which columns held at least one real value (BIT flags): a column never seen becomes a null stream. */
  private seen = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.capacity = capacity;
    this.time = new Float64Array(capacity);
    this.latDeg = new Float64Array(capacity);
    this.lonDeg = new Float64Array(capacity);
    this.distanceM = new Float64Array(capacity);
    this.altitudeM = new Float32Array(capacity);
    this.speedMps = new Float32Array(capacity);
    this.heartRateBpm = new Float32Array(capacity);
    this.cadence = new Float32Array(capacity);
    this.powerW = new Float32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Time of the last committed sample (epoch ms), NaN when empty. */
  get lastTimeMs(): number {
    return this.count === 0 ? Number.NaN : (this.time[this.count - 1] as number);
  }

  get firstTimeMs(): number {
    return this.count === 0 ? Number.NaN : (this.time[0] as number);
  }

  /** Commits one sample. Written out column by column: it runs once per track point. */
  push(row: SampleRow): void {
    if (this.count === this.capacity) this.growColumns();
    const i = this.count++;
    let seen = this.seen;
    this.time[i] = row.timeMs;
    const lat = row.latDeg;
    this.latDeg[i] = lat;
    if (!Number.isNaN(lat)) seen |= BIT.latDeg;
    const lon = row.lonDeg;
    this.lonDeg[i] = lon;
    if (!Number.isNaN(lon)) seen |= BIT.lonDeg;
    const distance = row.distanceM;
    this.distanceM[i] = distance;
    if (!Number.isNaN(distance)) seen |= BIT.distanceM;
    const altitude = row.altitudeM;
    this.altitudeM[i] = altitude;
    if (!Number.isNaN(altitude)) seen |= BIT.altitudeM;
    const speed = row.speedMps;
    this.speedMps[i] = speed;
    if (!Number.isNaN(speed)) seen |= BIT.speedMps;
    const heartRate = row.heartRateBpm;
    this.heartRateBpm[i] = heartRate;
    if (!Number.isNaN(heartRate)) seen |= BIT.heartRateBpm;
    const cadence = row.cadence;
    this.cadence[i] = cadence;
    if (!Number.isNaN(cadence)) seen |= BIT.cadence;
    const power = row.powerW;
    this.powerW[i] = power;
    if (!Number.isNaN(power)) seen |= BIT.powerW;
    this.seen = seen;
  }

  private growColumns(): void {
    const capacity = this.capacity * 2;
    this.capacity = capacity;
    this.time = grow(this.time, capacity);
    this.latDeg = grow(this.latDeg, capacity);
    this.lonDeg = grow(this.lonDeg, capacity);
    this.distanceM = grow(this.distanceM, capacity);
    this.altitudeM = grow(this.altitudeM, capacity);
    this.speedMps = grow(this.speedMps, capacity);
    this.heartRateBpm = grow(this.heartRateBpm, capacity);
    this.cadence = grow(this.cadence, capacity);
    this.powerW = grow(this.powerW, capacity);
  }

  private column(name: Column): Float64Array | Float32Array {
    return this[name];
  }

  /** Live view of a column's committed values (for in-place fixes before `build`). */
  view(name: Column): Float64Array | Float32Array {
    return this.column(name).subarray(0, this.count);
  }

  timeView(): Float64Array {
    return this.time.subarray(0, this.count);
  }

  has(name: Column): boolean {
    return (this.seen & BIT[name]) !== 0;
  }

  /** Marks a column as absent (e.g. every position was dropped as implausible). */
  forget(name: Column): void {
    this.seen &= ~BIT[name];
  }

  /** Marks a column as present after a caller filled it in place (e.g. distance computed from positions). */
  remember(name: Column): void {
    this.seen |= BIT[name];
  }

  /** Exact-length streams; `timeS` is seconds after `startMs`. */
  build(startMs: number): ActivityStreams {
    const n = this.count;
    const timeS = new Float64Array(n);
    for (let i = 0; i < n; i++) timeS[i] = ((this.time[i] as number) - startMs) / 1000;
    const f64 = (name: Column): Float64Array | null =>
      this.has(name) ? (this.column(name).slice(0, n) as Float64Array) : null;
    const f32 = (name: Column): Float32Array | null =>
      this.has(name) ? (this.column(name).slice(0, n) as Float32Array) : null;
    const positions = this.has('latDeg') && this.has('lonDeg');
    return {
      timeS,
      latDeg: positions ? f64('latDeg') : null,
      lonDeg: positions ? f64('lonDeg') : null,
      distanceM: f64('distanceM'),
      altitudeM: f32('altitudeM'),
      speedMps: f32('speedMps'),
      heartRateBpm: f32('heartRateBpm'),
      cadenceSpm: f32('cadence'),
      powerW: f32('powerW'),
    };
  }
}
