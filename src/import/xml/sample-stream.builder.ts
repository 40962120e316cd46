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
const COLUMNS: readonly Column[] = [
  'latDeg',
  'lonDeg',
  'distanceM',
  'altitudeM',
  'speedMps',
  'heartRateBpm',
  'cadence',
  'powerW',
];

function grow<T extends Float64Array | Float32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export class SampleStreamBuilder {
  private count = 0;
  private capacity: number;
  private time: Float64Array;
  private readonly columns: Record<Column, Float64Array | Float32Array>;
  /** Which columns held at least one real value: a column never seen becomes a null stream. */
  private readonly seen = new Set<Column>();

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.time = new Float64Array(this.capacity);
    this.columns = {
      latDeg: new Float64Array(this.capacity),
      lonDeg: new Float64Array(this.capacity),
      distanceM: new Float64Array(this.capacity),
      altitudeM: new Float32Array(this.capacity),
      speedMps: new Float32Array(this.capacity),
      heartRateBpm: new Float32Array(this.capacity),
      cadence: new Float32Array(this.capacity),
      powerW: new Float32Array(this.capacity),
    };
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

  push(row: SampleRow): void {
    if (this.count === this.capacity) {
      this.capacity *= 2;
      this.time = grow(this.time, this.capacity);
      for (const name of COLUMNS) this.columns[name] = grow(this.columns[name], this.capacity);
    }
    const i = this.count++;
    this.time[i] = row.timeMs;
    for (const name of COLUMNS) {
      const value = row[name];
      this.columns[name][i] = value;
      if (!Number.isNaN(value)) this.seen.add(name);
    }
  }

  /** Live view of a column's committed values (for in-place fixes before `build`). */
  view(name: Column): Float64Array | Float32Array {
    return this.columns[name].subarray(0, this.count);
  }

  timeView(): Float64Array {
    return this.time.subarray(0, this.count);
  }

  has(name: Column): boolean {
    return this.seen.has(name);
  }

  /** Marks a column as absent (e.g. every position was dropped as implausible). */
  forget(name: Column): void {
    this.seen.delete(name);
  }

  /** Marks a column as present after a caller filled it in place (e.g. distance computed from positions). */
  remember(name: Column): void {
    this.seen.add(name);
  }

  /** Exact-length streams; `timeS` is seconds after `startMs`. */
  build(startMs: number): ActivityStreams {
    const n = this.count;
    const timeS = new Float64Array(n);
    for (let i = 0; i < n; i++) timeS[i] = ((this.time[i] as number) - startMs) / 1000;
    const f64 = (name: Column): Float64Array | null =>
      this.seen.has(name) ? (this.columns[name].slice(0, n) as Float64Array) : null;
    const f32 = (name: Column): Float32Array | null =>
      this.seen.has(name) ? (this.columns[name].slice(0, n) as Float32Array) : null;
    const positions = this.seen.has('latDeg') && this.seen.has('lonDeg');
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

/** A number from element text; NaN (not 0) for empty or non-numeric text. */
export function numberOf(text: string): number {
  if (text.length === 0) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
