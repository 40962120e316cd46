/**
 * Low-level FIT walker: file headers (12/14 bytes, chained files), definition messages and data messages,
 * including compressed-timestamp headers. It decodes only the fields listed in fit.profile.ts and hands
 * them to a sink as numbers in a reusable slot buffer, so no object is allocated per record.
 *
 * It never throws on damaged data after the first header: it stops where the bytes stop making sense and
 * reports why as a warning, so the caller keeps everything read so far.
 */
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { type FieldSpec, KIND, keptMessage, REC, SLOT_COUNT } from './fit.profile.ts';
import { fitCrc } from './fit-crc.ts';
import {
  compiledFieldReader,
  type FieldHelpers,
  type FieldLayout,
  type FieldReader,
} from './fit-field-readers.ts';

export interface FitWarning {
  code: string;
  message: string;
}

/** Receives every kept data message. `vals` and `strs` are reused: copy what you keep. */
export interface FitSink {
  onMessage(kind: number, vals: Float64Array, strs: (string | null)[]): void;
  /** Called before each FIT file of a chain (index 0 for the first). */
  onPartStart?(index: number): void;
}

/** readMessages' answer when a message runs past the end of the data. */
const CUT = 'cut';

export interface ReadSummary {
  warnings: FitWarning[];
  /** Number of FIT files (headers) found back to back in the bytes. */
  parts: number;
  /** Number of data messages decoded (kept or skipped). */
  dataMessages: number;
  /** Why the first part stopped early (FIT_TRUNCATED or FIT_CORRUPT), or null when it read to its end. */
  firstPartStop: string | null;
}

/** Sizes of base types 0..16 (enum, sint8, uint8, sint16, uint16, sint32, uint32, string, float32, float64,
 * uint8z, uint16z, uint32z, byte, sint64, uint64, uint64z). */
const BASE_SIZE = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];
const STRING = 7;
const BYTE = 13;

/**
 * A definition compiled once into a plan: where each kept field sits and how to read it (the field layout
 * of fit-field-readers.ts: parallel typed arrays, monomorphic and cheap to index in the per-message loop).
 */
interface Plan extends FieldLayout {
  kind: number;
  size: number;
  /** Offset of field 253 (timestamp, uint32) or -1, also for skipped messages: compressed timestamps need it. */
  timestampOffset: number;
  /**
   * The slots a message of this plan can write: its fields', slot 0 (a compressed timestamp) and, for a
   * compressed_speed_distance, the speed. Emptied before each message instead of all SLOT_COUNT slots.
   */
  written: Int8Array;
  /** Data messages decoded with this plan so far, until it is compiled (fit-field-readers.ts). */
  uses: number;
  /** Its compiled reader; undefined until it has been used COMPILE_AFTER times, null if it could not be. */
  reader: FieldReader | null | undefined;
}

/** A definition is compiled once this many of its messages have been decoded: records, not the odd message. */
const COMPILE_AFTER = 64;
const HELPERS: FieldHelpers = { readString, readCompressedSpeedDistance };

const NUMBER = 0;
const TEXT = 1;
const COMPRESSED = 2;

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function readFit(bytes: Uint8Array, sink: FitSink): ReadSummary {
  const summary: ReadSummary = { warnings: [], parts: 0, dataMessages: 0, firstPartStop: null };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos < bytes.length) {
    // Zero padding after the last file (ANT-FS downloads, fixed-size buffers) is not another file.
    if (summary.parts > 0 && isZeroPadding(bytes, pos)) break;
    const header = checkHeader(bytes, pos);
    if (header !== null) {
      if (summary.parts === 0)
        throw new ImportError(IMPORT_CODES.FIT_INVALID_HEADER, `Not a FIT file: ${header}`);
      summary.warnings.push({
        code: IMPORT_CODES.FIT_CHAINED_PART_UNREADABLE,
        message: `FIT part ${summary.parts + 1} at byte ${pos} is unreadable (${header}); kept the parts before it`,
      });
      break;
    }
    const headerSize = bytes[pos] as number;
    const dataSize = view.getUint32(pos + 4, true);
    if (headerSize >= 14) {
      const stated = view.getUint16(pos + 12, true);
      if (stated !== 0 && stated !== fitCrc(bytes, pos, pos + 12)) {
        summary.warnings.push({
          code: IMPORT_CODES.FIT_CRC_MISMATCH,
          message: `FIT header CRC of part ${summary.parts + 1} does not match its bytes`,
        });
      }
    }
    const start = pos + headerSize;
    const end = start + dataSize;
    const partIndex = summary.parts++;
    sink.onPartStart?.(partIndex);
    const messagesBefore = summary.dataMessages;
    if (dataSize === 0 && bytes.length > start + 2) {
      // A recorder that never finalised its file leaves the size at 0: read messages up to the end instead.
      const stopped = readMessages(bytes, view, start, bytes.length, sink, summary);
      summary.warnings.push({
        code: IMPORT_CODES.FIT_TRUNCATED,
        message: `FIT part ${partIndex + 1} header states no data size (file never finalised); read to the end of the file${
          stopped === null || stopped === CUT ? '' : ` (${stopped})`
        }`,
      });
      if (partIndex === 0) summary.firstPartStop = IMPORT_CODES.FIT_TRUNCATED;
      break;
    }
    const stop = readMessages(bytes, view, start, Math.min(end, bytes.length), sink, summary);
    if (stop !== null && stop !== CUT) {
      summary.warnings.push({
        code: IMPORT_CODES.FIT_CORRUPT,
        message: `FIT part ${partIndex + 1}: ${stop}`,
      });
      if (partIndex === 0) summary.firstPartStop = IMPORT_CODES.FIT_CORRUPT;
      break;
    }
    if (stop === CUT || end + 2 > bytes.length) {
      const why =
        end + 2 > bytes.length
          ? `declares ${dataSize} data bytes but the file ends ${end + 2 - bytes.length} bytes early`
          : `has a last message that runs past its declared ${dataSize} data bytes`;
      // A later chained part that yields nothing is an unreadable part rather than a cut recording.
      const empty = partIndex > 0 && summary.dataMessages === messagesBefore;
      summary.warnings.push({
        code: empty ? IMPORT_CODES.FIT_CHAINED_PART_UNREADABLE : IMPORT_CODES.FIT_TRUNCATED,
        message: `FIT part ${partIndex + 1} ${why} (recording not finished or file cut); kept what was read`,
      });
      if (partIndex === 0) summary.firstPartStop = IMPORT_CODES.FIT_TRUNCATED;
      break;
    }
    if (view.getUint16(end, true) !== fitCrc(bytes, pos, end)) {
      summary.warnings.push({
        code: IMPORT_CODES.FIT_CRC_MISMATCH,
        message: `FIT file CRC of part ${partIndex + 1} does not match its bytes; the data decoded and was kept`,
      });
    }
    pos = end + 2;
  }
  return summary;
}

function isZeroPadding(bytes: Uint8Array, pos: number): boolean {
  for (let i = pos; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Null when a valid FIT header starts at `pos`, else what is wrong with it. */
function checkHeader(bytes: Uint8Array, pos: number): string | null {
  if (bytes.length - pos < 12)
    return `only ${bytes.length - pos} bytes where a 12- or 14-byte header was expected`;
  const size = bytes[pos] as number;
  if (size !== 12 && size !== 14) return `header size byte is ${size}, expected 12 or 14`;
  if (
    bytes[pos + 8] !== 0x2e ||
    bytes[pos + 9] !== 0x46 ||
    bytes[pos + 10] !== 0x49 ||
    bytes[pos + 11] !== 0x54
  ) {
    return 'bytes 8–11 of the header are not ".FIT"';
  }
  if (bytes.length - pos < size) return `header declares ${size} bytes but only ${bytes.length - pos} remain`;
  return null;
}

/**
 * Decodes the messages of one FIT part between `start` and `end`. Returns null when it read exactly to `end`,
 * CUT when a message runs past `end` (truncated recording), or a description of the corruption that stopped it.
 */
function readMessages(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  sink: FitSink,
  summary: ReadSummary,
): string | null {
  const plans: (Plan | undefined)[] = new Array(16);
  const vals = new Float64Array(SLOT_COUNT);
  const strs: (string | null)[] = new Array(SLOT_COUNT).fill(null);
  let lastTimestamp = -1;
  // Every slot is NaN when a message starts decoding. Only a message of the plan decoded last can have left
  // values, and only in that plan's slots: those are emptied, the rest only when the plan changes.
  let lastPlan: Plan | undefined;
  let pos = start;
  while (pos < end) {
    const header = bytes[pos] as number;
    let plan: Plan | undefined;
    let compressedTs = -1;
    if ((header & 0x80) !== 0) {
      // Compressed-timestamp header: 5-bit offset against the last full timestamp, rolling over every 32 s.
      plan = plans[(header >> 5) & 0x03];
      const offset = header & 0x1f;
      if (lastTimestamp >= 0) {
        compressedTs = lastTimestamp + ((offset - (lastTimestamp & 0x1f)) & 0x1f);
        lastTimestamp = compressedTs;
      }
    } else if ((header & 0x40) !== 0) {
      const next = readDefinition(bytes, view, pos, end, header);
      if (next === null) return CUT;
      if (typeof next === 'string') return `${next} at byte ${pos}`;
      plans[header & 0x0f] = next.plan;
      pos = next.pos;
      continue;
    } else {
      plan = plans[header & 0x0f];
    }
    if (plan === undefined)
      return `data message uses local type ${header & 0x0f} before any definition (byte ${pos})`;
    const body = pos + 1;
    if (body + plan.size > end) return CUT;
    summary.dataMessages++;
    if (plan.timestampOffset >= 0) {
      const ts = view.getUint32(body + plan.timestampOffset, plan.littleEndian);
      if (ts !== 0xffffffff) lastTimestamp = ts;
    }
    if (plan.kind >= 0) {
      if (plan === lastPlan) {
        const written = plan.written;
        for (let i = 0; i < written.length; i++) vals[written[i] as number] = Number.NaN;
      } else {
        vals.fill(Number.NaN);
        lastPlan = plan;
      }
      let reader = plan.reader;
      if (reader === undefined && ++plan.uses >= COMPILE_AFTER) {
        reader = plan.reader = compiledFieldReader(plan, HELPERS);
      }
      if (reader) reader(bytes, view, body, vals, strs);
      else decodeFields(bytes, view, body, plan, vals, strs);
      if (compressedTs >= 0 && Number.isNaN(vals[0] as number)) vals[0] = compressedTs;
      sink.onMessage(plan.kind, vals, strs);
    }
    pos = body + plan.size;
  }
  return null;
}

/** Parses a definition message into a plan; null when cut short, a string when malformed. */
function readDefinition(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  end: number,
  header: number,
): { plan: Plan; pos: number } | string | null {
  if (pos + 6 > end) return null;
  const littleEndian = bytes[pos + 2] === 0;
  if (bytes[pos + 2] !== 0 && bytes[pos + 2] !== 1)
    return `definition has architecture ${bytes[pos + 2]}, expected 0 or 1`;
  const globalNum = view.getUint16(pos + 3, littleEndian);
  const fieldCount = bytes[pos + 5] as number;
  let p = pos + 6;
  if (p + fieldCount * 3 > end) return null;
  const kept = keptMessage(globalNum);
  const offsets: number[] = [];
  const types: number[] = [];
  const sizes: number[] = [];
  const specs: FieldSpec[] = [];
  let size = 0;
  let timestampOffset = -1;
  for (let i = 0; i < fieldCount; i++, p += 3) {
    const num = bytes[p] as number;
    const fieldSize = bytes[p + 1] as number;
    const type = (bytes[p + 2] as number) & 0x1f;
    const baseSize = BASE_SIZE[type];
    // A size that is not a whole number of base-type values (seen in COROS files) makes the field invalid,
    // as in the official SDK; the message layout still uses the declared size.
    const valid = baseSize !== undefined && fieldSize > 0 && fieldSize % baseSize === 0;
    if (num === 253 && fieldSize === 4 && valid && type !== STRING) timestampOffset = size;
    const spec = kept?.fields.get(num);
    if (spec !== undefined) {
      offsets.push(size);
      types.push(valid ? type : -1);
      sizes.push(fieldSize);
      specs.push(spec);
    }
    size += fieldSize;
  }
  if ((header & 0x20) !== 0) {
    // Developer fields: only their sizes matter to us.
    if (p + 1 > end) return null;
    const devCount = bytes[p] as number;
    p += 1;
    if (p + devCount * 3 > end) return null;
    for (let i = 0; i < devCount; i++, p += 3) size += bytes[p + 1] as number;
  }
  const kind = kept ? kept.kind : -1;
  const written = new Set<number>([0, ...specs.map((f) => f.slot)]);
  if (kind === KIND.RECORD && written.has(REC.COMPRESSED_SPEED_DISTANCE)) written.add(REC.SPEED);
  const plan: Plan = {
    written: Int8Array.from(written),
    uses: 0,
    reader: undefined,
    kind,
    size,
    littleEndian,
    timestampOffset,
    count: specs.length,
    offsets: Int32Array.from(offsets),
    types: Int8Array.from(types),
    sizes: Int32Array.from(sizes),
    slots: Int8Array.from(specs, (f) => f.slot),
    scales: Float64Array.from(specs, (f) => f.scale),
    shifts: Float64Array.from(specs, (f) => f.offset),
    handling: Uint8Array.from(specs, (f) =>
      f.isString
        ? TEXT
        : kind === KIND.RECORD && f.slot === REC.COMPRESSED_SPEED_DISTANCE
          ? COMPRESSED
          : NUMBER,
    ),
  };
  return { plan, pos: p };
}

function decodeFields(
  bytes: Uint8Array,
  view: DataView,
  body: number,
  plan: Plan,
  vals: Float64Array,
  strs: (string | null)[],
): void {
  const { count, offsets, types, sizes, slots, scales, shifts, handling, littleEndian } = plan;
  for (let i = 0; i < count; i++) {
    const at = body + (offsets[i] as number);
    const type = types[i] as number;
    const slot = slots[i] as number;
    const how = handling[i] as number;
    if (how === TEXT) {
      strs[slot] = type === STRING ? readString(bytes, at, sizes[i] as number) : null;
      continue;
    }
    if (how === COMPRESSED) {
      readCompressedSpeedDistance(bytes, at, sizes[i] as number, type, vals);
      continue;
    }
    if (type < 0) continue;
    const raw = readValue(view, at, type, littleEndian);
    if (Number.isNaN(raw)) continue;
    const scale = scales[i] as number;
    const shift = shifts[i] as number;
    // Same arithmetic as the FIT profile (and the SDK): value = raw / scale − offset.
    vals[slot] = scale === 1 && shift === 0 ? raw : raw / scale - shift;
  }
}

/** Reads the first value of a field; NaN for the base type's invalid value. */
function readValue(view: DataView, at: number, type: number, le: boolean): number {
  switch (type) {
    case 0:
    case 2:
    case BYTE: {
      const v = view.getUint8(at);
      return v === 0xff ? Number.NaN : v;
    }
    case 1: {
      const v = view.getInt8(at);
      return v === 0x7f ? Number.NaN : v;
    }
    case 3: {
      const v = view.getInt16(at, le);
      return v === 0x7fff ? Number.NaN : v;
    }
    case 4: {
      const v = view.getUint16(at, le);
      return v === 0xffff ? Number.NaN : v;
    }
    case 5: {
      const v = view.getInt32(at, le);
      return v === 0x7fffffff ? Number.NaN : v;
    }
    case 6: {
      const v = view.getUint32(at, le);
      return v === 0xffffffff ? Number.NaN : v;
    }
    case 8: {
      const bits = view.getUint32(at, le);
      return bits === 0xffffffff ? Number.NaN : view.getFloat32(at, le);
    }
    case 9: {
      const v = view.getFloat64(at, le);
      return Number.isFinite(v) ? v : Number.NaN;
    }
    case 10: {
      const v = view.getUint8(at);
      return v === 0 ? Number.NaN : v;
    }
    case 11: {
      const v = view.getUint16(at, le);
      return v === 0 ? Number.NaN : v;
    }
    case 12: {
      const v = view.getUint32(at, le);
      return v === 0 ? Number.NaN : v;
    }
    case 14: {
      const v = view.getBigInt64(at, le);
      return v === 0x7fffffffffffffffn ? Number.NaN : Number(v);
    }
    case 15: {
      const v = view.getBigUint64(at, le);
      return v === 0xffffffffffffffffn ? Number.NaN : Number(v);
    }
    case 16: {
      const v = view.getBigUint64(at, le);
      return v === 0n ? Number.NaN : Number(v);
    }
    default:
      return Number.NaN;
  }
}

/**
 * record.compressed_speed_distance (FR70-era foot pods): 12 bits speed (scale 100) then 12 bits distance
 * (scale 16, a rolling counter). The reader puts the speed in SPEED (when the record has no speed of its
 * own) and the raw 12-bit distance counter in COMPRESSED_SPEED_DISTANCE for the collector to accumulate.
 */
function readCompressedSpeedDistance(
  bytes: Uint8Array,
  at: number,
  size: number,
  type: number,
  vals: Float64Array,
) {
  if (type < 0 || size < 3) return;
  const b0 = bytes[at] as number;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  if (b0 === 0xff && b1 === 0xff && b2 === 0xff) return;
  if (Number.isNaN(vals[REC.SPEED] as number)) vals[REC.SPEED] = (b0 | ((b1 & 0x0f) << 8)) / 100;
  vals[REC.COMPRESSED_SPEED_DISTANCE] = (b1 >> 4) | (b2 << 4);
}

/** Strings end at the first NUL or at the field's end (some writers leave them unterminated). */
function readString(bytes: Uint8Array, at: number, size: number): string | null {
  let stop = at;
  const limit = at + size;
  while (stop < limit && bytes[stop] !== 0) stop++;
  if (stop === at) return null;
  const text = utf8
    .decode(bytes.subarray(at, stop))
    .replace(/\uFFFD/g, '')
    .trim();
  return text === '' ? null : text;
}
