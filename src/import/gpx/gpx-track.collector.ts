import { IsoInstantReader } from '../xml/iso-time.parser.ts';
import { numberOf } from '../xml/number-text.ts';
import { clearRow, newRow, SampleStreamBuilder } from '../xml/sample-stream.builder.ts';

/**
 * Reads the points of ONE `<trk>` as the GPX visitor walks it: segments are joined into one stream (a new
 * `<trkseg>` is recorded as a restart, and the time gap before it is a pause), points without a usable time or
 * position are counted and skipped. Extension fields are matched by local name so every vendor's prefix works:
 * Garmin TrackPointExtension v1/v2 (`hr`, `cad`, `speed`), Cluetrust gpxdata (`hr`, `cadence`), plain
 * `<heartrate>`/`<cadence>`/`<power>` (Strava, Apple exports).
 */
export class GpxTrackCollector {
  readonly builder = new SampleStreamBuilder(2048);
  readonly segmentStarts: number[] = [];
  name: string | null = null;
  type: string | null = null;
  description: string | null = null;
  /** Offset written in the first kept timestamp (seconds east of UTC), null when it says Z. */
  firstOffsetS: number | null = null;
  pointsSeen = 0;
  pointsWithoutTime = 0;
  pointsOutOfOrder = 0;
  pointsBadCoordinates = 0;
  private readonly row = newRow();
  private readonly time = new IsoInstantReader();
  private rowOffsetS: number | null = null;
  private rowBadCoordinates = false;
  inPoint = false;

  startSegment(): void {
    this.segmentStarts.push(this.builder.length);
  }

  startPoint(attributes: Readonly<Record<string, string>>): void {
    this.inPoint = true;
    clearRow(this.row);
    this.rowOffsetS = null;
    this.row.latDeg = numberOf((attributes.lat ?? '').trim());
    this.row.lonDeg = numberOf((attributes.lon ?? '').trim());
    this.rowBadCoordinates = Number.isNaN(this.row.latDeg) || Number.isNaN(this.row.lonDeg);
  }

  /** A leaf element inside the current point. */
  pointField(name: string, text: string): void {
    const row = this.row;
    switch (name) {
      case 'time': {
        const time = this.time;
        if (time.read(text)) {
          row.timeMs = time.ms;
          this.rowOffsetS = time.offsetS;
        }
        break;
      }
      case 'ele':
        row.altitudeM = numberOf(text);
        break;
      case 'hr':
      case 'heartrate':
      case 'heartRate': {
        // 0 bpm is what apps write when no strap is connected (OpenTracks): no reading, not a dead heart.
        const bpm = numberOf(text);
        row.heartRateBpm = bpm > 0 ? bpm : Number.NaN;
        break;
      }
      case 'cad':
      case 'cadence':
        row.cadence = numberOf(text);
        break;
      case 'speed':
        row.speedMps = numberOf(text);
        break;
      case 'power':
      case 'PowerInWatts':
        row.powerW = numberOf(text);
        break;
      default:
        break;
    }
  }

  endPoint(): void {
    this.inPoint = false;
    this.pointsSeen++;
    if (this.rowBadCoordinates) {
      this.pointsBadCoordinates++;
      return;
    }
    if (Number.isNaN(this.row.timeMs)) {
      this.pointsWithoutTime++;
      return;
    }
    // A point earlier than the one before cannot sit in a time-ordered stream: skip it rather than reorder
    // (reordering would draw a zig-zag track).
    if (this.row.timeMs < this.builder.lastTimeMs) {
      this.pointsOutOfOrder++;
      return;
    }
    if (this.builder.length === 0) this.firstOffsetS = this.rowOffsetS;
    this.builder.push(this.row);
  }
}
