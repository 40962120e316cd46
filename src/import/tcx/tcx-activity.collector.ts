import type { Sport } from '../../domain/activity/sport.ts';
import { IsoInstantReader, parseIsoInstant } from '../xml/iso-time.parser.ts';
import { numberOf } from '../xml/number-text.ts';
import { clearRow, newRow, SampleStreamBuilder } from '../xml/sample-stream.builder.ts';
import { emptyLap, type LapFacts, LapTotals } from './tcx-lap.totals.ts';
import { plainCadenceIsStrides, tcxSport } from './tcx-sport.mapper.ts';

/**
 * Reads ONE TCX `<Activity>` as the visitor walks it: the Id (start), the laps' stated totals, the trackpoints
 * of every lap joined into one stream, the Creator's name. Cadence is converted as each point is read:
 * `RunCadence` ×2 always, plain `Cadence` ×2 only for Running (see tcx-sport.mapper.ts).
 */
export class TcxActivityCollector {
  readonly sport: Sport;
  readonly rawSport: string;
  readonly builder = new SampleStreamBuilder(2048);
  readonly laps = new LapTotals();
  startMs = Number.NaN;
  utcOffsetS: number | null = null;
  device: string | null = null;
  notes: string | null = null;
  pointsWithoutTime = 0;
  pointsOutOfOrder = 0;
  badPositionText = 0;
  inPoint = false;
  inLap = false;
  private lap: LapFacts = emptyLap();
  /** Lap start instants seen so far: a lap written twice (Fitbit) must not count twice. */
  private readonly lapStarts = new Set<number>();
  private duplicateLap = false;
  duplicateLaps = 0;
  private readonly row = newRow();
  private readonly time = new IsoInstantReader();
  private plainCadence = Number.NaN;
  private runCadence = Number.NaN;
  private positionText = false;

  constructor(sportAttribute: string) {
    this.rawSport = sportAttribute;
    this.sport = tcxSport(sportAttribute);
  }

  setId(text: string): void {
    const instant = parseIsoInstant(text);
    if (instant === null) return;
    this.startMs = instant.ms;
    this.utcOffsetS = instant.offsetS;
  }

  startLap(attributes: Readonly<Record<string, string>>): void {
    this.inLap = true;
    this.lap = emptyLap();
    const start = parseIsoInstant((attributes.StartTime ?? '').trim());
    this.duplicateLap = start !== null && this.lapStarts.has(start.ms);
    if (start !== null) this.lapStarts.add(start.ms);
    if (Number.isNaN(this.startMs) && start !== null) {
      this.startMs = start.ms;
      this.utcOffsetS = start.offsetS;
    }
  }

  /** A leaf of the current lap outside its trackpoints; `parent` is the element holding it. */
  lapField(name: string, parent: string, text: string): void {
    const lap = this.lap;
    if (name === 'Value') {
      if (parent === 'AverageHeartRateBpm') lap.avgHeartRate = numberOf(text);
      else if (parent === 'MaximumHeartRateBpm') lap.maxHeartRate = numberOf(text);
      return;
    }
    if (name === 'AvgRunCadence') {
      const strides = numberOf(text);
      if (!Number.isNaN(strides)) lap.avgCadence = strides * 2;
      return;
    }
    if (parent !== 'Lap') return;
    switch (name) {
      case 'TotalTimeSeconds':
        lap.timerS = numberOf(text);
        break;
      case 'DistanceMeters':
        lap.distanceM = numberOf(text);
        break;
      case 'Calories':
        lap.calories = numberOf(text);
        break;
      case 'Cadence': {
        // An AvgRunCadence (always strides) seen earlier in this lap wins over the plain field.
        if (!Number.isNaN(lap.avgCadence)) break;
        const value = numberOf(text);
        lap.avgCadence = plainCadenceIsStrides(this.sport) ? value * 2 : value;
        break;
      }
      default:
        break;
    }
  }

  endLap(): void {
    this.inLap = false;
    if (this.duplicateLap) this.duplicateLaps++;
    else this.laps.add(this.lap);
  }

  startPoint(): void {
    this.inPoint = true;
    clearRow(this.row);
    this.plainCadence = Number.NaN;
    this.runCadence = Number.NaN;
    this.positionText = false;
  }

  pointField(name: string, parent: string, text: string): void {
    const row = this.row;
    switch (name) {
      case 'Time':
        row.timeMs = this.time.read(text) ? this.time.ms : Number.NaN;
        break;
      case 'LatitudeDegrees':
        row.latDeg = numberOf(text);
        this.positionText ||= text.length > 0;
        break;
      case 'LongitudeDegrees':
        row.lonDeg = numberOf(text);
        this.positionText ||= text.length > 0;
        break;
      case 'AltitudeMeters':
        row.altitudeM = numberOf(text);
        break;
      case 'DistanceMeters':
        row.distanceM = numberOf(text);
        break;
      case 'Value':
        if (parent === 'HeartRateBpm') {
          const bpm = numberOf(text);
          row.heartRateBpm = bpm > 0 ? bpm : Number.NaN;
        }
        break;
      case 'Cadence':
        this.plainCadence = numberOf(text);
        break;
      case 'RunCadence':
        this.runCadence = numberOf(text);
        break;
      case 'Speed':
        row.speedMps = numberOf(text);
        break;
      case 'Watts':
        row.powerW = numberOf(text);
        break;
      default:
        break;
    }
  }

  endPoint(): void {
    this.inPoint = false;
    const row = this.row;
    if (Number.isNaN(row.timeMs)) {
      this.pointsWithoutTime++;
      return;
    }
    // Points earlier than the one before (a lap written twice, a clock jump) cannot join a time-ordered stream.
    if (row.timeMs < this.builder.lastTimeMs) {
      this.pointsOutOfOrder++;
      return;
    }
    const hasPosition = !Number.isNaN(row.latDeg) && !Number.isNaN(row.lonDeg);
    if (this.positionText && !hasPosition) {
      this.badPositionText++;
      row.latDeg = Number.NaN;
      row.lonDeg = Number.NaN;
    }
    if (!Number.isNaN(this.runCadence)) row.cadence = this.runCadence * 2;
    else if (!Number.isNaN(this.plainCadence)) {
      row.cadence = plainCadenceIsStrides(this.sport) ? this.plainCadence * 2 : this.plainCadence;
    }
    this.builder.push(row);
  }

  /** Start instant: the Id, else the first lap's StartTime (see startLap), else the first point. */
  resolvedStartMs(): number {
    if (!Number.isNaN(this.startMs)) return this.startMs;
    return this.builder.firstTimeMs;
  }
}
