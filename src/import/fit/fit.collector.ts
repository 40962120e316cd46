/**
 * Collects the decoded FIT messages: records go straight into growable typed-array columns (one per kept
 * field), the few summary messages (sessions, laps, file_id, device_info, activity…) are copied as small
 * Float64Arrays. Nothing here knows about our domain model: fit.mapper.ts turns this into activities.
 */
import { ACTIVITY, CORRELATION, DEVICE, FILE_ID, KIND, REC, SPORT } from './fit.profile.ts';
import type { FitSink } from './fit.reader.ts';

/** Record columns we keep, in this order. Cadence is raw (per the FIT sport: strides/min or rpm). */
export const COL = {
  TIME: 0,
  LAT: 1,
  LON: 2,
  DISTANCE: 3,
  ALTITUDE: 4,
  SPEED: 5,
  HEART_RATE: 6,
  CADENCE: 7,
  POWER: 8,
} as const;
const COL_COUNT = 9;

/** Semicircles → degrees (2^31 semicircles = 180°). */
const DEG_PER_SEMICIRCLE = 180 / 2 ** 31;

export class RecordColumns {
  length = 0;
  columns: Float64Array[];

  constructor(capacity = 1024) {
    this.columns = Array.from({ length: COL_COUNT }, () => new Float64Array(capacity));
  }

  /** Rows the columns hold without growing. */
  get capacity(): number {
    return (this.columns[0] as Float64Array).length;
  }

  /** Empties the columns for another file, keeping their memory (grown to `capacity` rows if smaller). */
  reset(capacity: number): void {
    this.length = 0;
    if (this.capacity < capacity) this.columns = this.columns.map(() => new Float64Array(capacity));
  }

  /** The index of a new row, the columns grown to hold it; the caller writes every column of it. */
  add(): number {
    if (this.length === this.capacity) this.grow();
    return this.length++;
  }

  column(c: number): Float64Array {
    return (this.columns[c] as Float64Array).subarray(0, this.length);
  }

  private grow(): void {
    this.columns = this.columns.map((old) => {
      const next = new Float64Array(Math.max(1024, old.length * 2));
      next.set(old);
      return next;
    });
  }
}

export interface FileIdInfo {
  type: number;
  manufacturer: number;
  product: number;
  timeCreated: number;
  productName: string | null;
}

export interface DeviceInfo {
  manufacturer: number;
  product: number;
  productName: string | null;
}

/**
 * Room for the records a file of this size usually holds, so the columns seldom grow (each growth copies all
 * nine): a 1 Hz record with position, distance, altitude, speed, heart rate and cadence takes about 24 bytes.
 * A file of smaller records grows them as usual; at most 64 Ki rows are set aside up front.
 */
function expectedRecords(fileBytes: number): number {
  return Math.min(65_536, Math.max(1024, Math.ceil(fileBytes / 24)));
}

export class FitCollector implements FitSink {
  readonly records: RecordColumns;
  /** Session / lap slot copies (layout: SUM in fit.profile.ts). */
  readonly sessions: Float64Array[] = [];
  readonly laps: Float64Array[] = [];
  readonly fileIds: FileIdInfo[] = [];
  creator: DeviceInfo | null = null;

  /** First activity message: [timestamp, local_timestamp]. */
  activity: { timestamp: number; localTimestamp: number } | null = null;
  sport: { sport: number; subSport: number; name: string | null } | null = null;
  correlation: { timestamp: number; systemTimestamp: number } | null = null;
  /** Records without any timestamp (before the first timestamped message): dropped, counted. */
  untimedRecords = 0;

  /** Records dropped because a chained part repeated times an earlier part already covered. */
  repeatedRecords = 0;

  private latestTime = -1;
  /** Latest record time of the earlier chained parts: a later part restarting before it is a repeat. */
  private partFloor = -1;

  /**
   * `fileBytes`: the size of the file, to size the record columns once (0: the default). `records`: columns to
   * fill instead of new ones (emptied and sized here), for a decoder that keeps them from file to file.
   */
  constructor(fileBytes = 0, records?: RecordColumns) {
    const capacity = expectedRecords(fileBytes);
    if (records) records.reset(capacity);
    this.records = records ?? new RecordColumns(capacity);
  }

  onPartStart(index: number): void {
    if (index > 0) this.partFloor = this.latestTime;
  }

  private csdLast = -1;
  private csdTotal = 0;

  onMessage(kind: number, vals: Float64Array, strs: (string | null)[]): void {
    switch (kind) {
      case KIND.RECORD:
        this.onRecord(vals);
        return;
      case KIND.SESSION:
        this.sessions.push(vals.slice());
        return;
      case KIND.LAP:
        this.laps.push(vals.slice());
        return;
      case KIND.FILE_ID:
        this.fileIds.push({
          type: vals[FILE_ID.TYPE] as number,
          manufacturer: vals[FILE_ID.MANUFACTURER] as number,
          product: vals[FILE_ID.PRODUCT] as number,
          timeCreated: vals[FILE_ID.TIME_CREATED] as number,
          productName: strs[FILE_ID.PRODUCT_NAME] ?? null,
        });
        strs[FILE_ID.PRODUCT_NAME] = null;
        return;
      case KIND.DEVICE_INFO:
        // device_index 0 is the "creator": the device that recorded the file.
        if (this.creator === null && vals[DEVICE.DEVICE_INDEX] === 0) {
          this.creator = {
            manufacturer: vals[DEVICE.MANUFACTURER] as number,
            product: vals[DEVICE.PRODUCT] as number,
            productName: strs[DEVICE.PRODUCT_NAME] ?? null,
          };
        }
        strs[DEVICE.PRODUCT_NAME] = null;
        return;
      case KIND.ACTIVITY:
        this.activity ??= {
          timestamp: vals[ACTIVITY.TIMESTAMP] as number,
          localTimestamp: vals[ACTIVITY.LOCAL_TIMESTAMP] as number,
        };
        return;
      case KIND.SPORT:
        this.sport ??= {
          sport: vals[SPORT.SPORT] as number,
          subSport: vals[SPORT.SUB_SPORT] as number,
          name: strs[SPORT.NAME] ?? null,
        };
        strs[SPORT.NAME] = null;
        return;
      case KIND.TIMESTAMP_CORRELATION:
        this.correlation ??= {
          timestamp: vals[CORRELATION.TIMESTAMP] as number,
          systemTimestamp: vals[CORRELATION.SYSTEM_TIMESTAMP] as number,
        };
        return;
      default:
        return;
    }
  }

  private onRecord(vals: Float64Array): void {
    const time = vals[REC.TIMESTAMP] as number;
    if (Number.isNaN(time)) {
      this.untimedRecords++;
      return;
    }
    if (time <= this.partFloor) {
      this.repeatedRecords++;
      return;
    }
    if (time > this.latestTime) this.latestTime = time;
    // Straight into the columns: one store per column, no row in between.
    const i = this.records.add();
    const columns = this.records.columns;
    (columns[COL.TIME] as Float64Array)[i] = time;
    const lat = vals[REC.LAT] as number;
    const lon = vals[REC.LON] as number;
    // A position needs both halves. (0,0) is kept as written: plausibility checks belong to the importer.
    const hasFix = !Number.isNaN(lat) && !Number.isNaN(lon);
    (columns[COL.LAT] as Float64Array)[i] = hasFix ? lat * DEG_PER_SEMICIRCLE : Number.NaN;
    (columns[COL.LON] as Float64Array)[i] = hasFix ? lon * DEG_PER_SEMICIRCLE : Number.NaN;
    let distance = vals[REC.DISTANCE] as number;
    const csd = vals[REC.COMPRESSED_SPEED_DISTANCE] as number;
    if (!Number.isNaN(csd)) {
      // 12-bit rolling distance counter (1/16 m): accumulate the deltas.
      this.csdTotal = this.csdLast < 0 ? csd : this.csdTotal + ((csd - this.csdLast) & 0xfff);
      this.csdLast = csd;
      if (Number.isNaN(distance)) distance = this.csdTotal / 16;
    }
    (columns[COL.DISTANCE] as Float64Array)[i] = distance;
    const enhAlt = vals[REC.ENH_ALTITUDE] as number;
    (columns[COL.ALTITUDE] as Float64Array)[i] = !Number.isNaN(enhAlt)
      ? enhAlt
      : (vals[REC.ALTITUDE] as number);
    const enhSpeed = vals[REC.ENH_SPEED] as number;
    (columns[COL.SPEED] as Float64Array)[i] = !Number.isNaN(enhSpeed)
      ? enhSpeed
      : (vals[REC.SPEED] as number);
    (columns[COL.HEART_RATE] as Float64Array)[i] = vals[REC.HEART_RATE] as number;
    const cadence = vals[REC.CADENCE] as number;
    const fractional = vals[REC.FRACTIONAL_CADENCE] as number;
    (columns[COL.CADENCE] as Float64Array)[i] = !Number.isNaN(fractional) ? cadence + fractional : cadence;
    (columns[COL.POWER] as Float64Array)[i] = vals[REC.POWER] as number;
  }
}
