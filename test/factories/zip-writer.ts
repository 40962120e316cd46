/**
 * A minimal ZIP writer for tests: local headers, stored or deflated data, central directory, end record.
 * No ZIP64, no data descriptors, no encryption: exports we test against never need them.
 *
 * Unlike a real archiver it writes names verbatim (`../evil.fit`, `C:\x`, backslashes) and can lie about
 * sizes, so tests can build the hostile archives the walker must refuse.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipWriterEntry {
  /** Written byte-for-byte as UTF-8 (flag bit 11 set), unchecked. A trailing '/' makes a folder entry. */
  path: string;
  data: Uint8Array;
  /** Store without compression (default: deflate). */
  store?: boolean;
  /** Declare this inflated size instead of the real one (lying headers for bomb tests). */
  declaredSize?: number;
  /** Declare this CRC-32 instead of the real one (damaged-data tests). */
  declaredCrc?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
// 2022-05-29 15:53:34 in DOS format: any fixed date keeps the output deterministic.
const DOS_TIME = (15 << 11) | (53 << 5) | 17;
const DOS_DATE = ((2022 - 1980) << 9) | (5 << 5) | 29;

export function buildZip(entries: readonly ZipWriterEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const method = entry.store ? 0 : 8;
    const payload = entry.store ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const crc = entry.declaredCrc ?? crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(entry.path.endsWith('/') ? 0x10 : 0, 38); // external attributes: directory bit
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralDirectory, end]));
}

/** Text as bytes, for CSV/JSON entries. */
export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
