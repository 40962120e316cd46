/**
 * Our FIT decoder: bytes in, activities and warnings out. We use it instead of @garmin/fitsdk because the
 * SDK is several times slower, drops compressed-timestamp records (FR70-era files) and throws on some
 * multisport files. The SDK stays a test-only reference (see fit.parity.test.ts).
 */
import type { DecodeResult } from '../../domain/activity/activity.ts';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { FitCollector, RecordColumns } from './fit.collector.ts';
import { toActivities } from './fit.mapper.ts';
import { readFit } from './fit.reader.ts';

/** FIT file types (file_id.type) that are not activities but are commonly found in exports. */
const NON_ACTIVITY_TYPES: Readonly<Record<number, string>> = {
  1: 'device',
  2: 'settings',
  3: 'sport settings',
  5: 'workout',
  6: 'course',
  7: 'schedules',
  9: 'weight',
  10: 'totals',
  11: 'goals',
  14: 'blood pressure',
  15: 'monitoring',
  20: 'activity summary',
  28: 'monitoring daily',
  32: 'monitoring',
  34: 'segment',
  40: 'segment list',
  49: 'sleep',
};

const ACTIVITY_TYPE = 4;

/** Record columns up to this many rows are kept for the next file (a day at 1 Hz fits: 9 MB). */
const KEPT_COLUMN_ROWS = 1 << 17;

/**
 * The record columns of the last file decoded, kept for the next one: every file of an import would otherwise
 * ask for a few hundred kB of fresh zeroed memory, which cost more than decoding into it on the virtual
 * machines we measured (a page fault per 4 kB). Nothing returned refers to them: the mapper copies the
 * samples out (fit.mapper.ts streamsFor), and decodeFit runs to its end before anything else can start one.
 */
let spareColumns: RecordColumns | null = null;

export function decodeFit(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) throw new ImportError(IMPORT_CODES.EMPTY_FILE, 'FIT file is empty (0 bytes)');
  const columns = spareColumns ?? new RecordColumns(0);
  spareColumns = null;
  try {
    return decodeInto(bytes, new FitCollector(bytes.length, columns));
  } finally {
    if (columns.capacity <= KEPT_COLUMN_ROWS) spareColumns = columns;
  }
}

function decodeInto(bytes: Uint8Array, collector: FitCollector): DecodeResult {
  const read = readFit(bytes, collector);
  const warnings = [...read.warnings];

  const types = collector.fileIds.map((f) => f.type).filter((t) => !Number.isNaN(t));
  if (types.length > 0 && !types.includes(ACTIVITY_TYPE)) {
    const type = types[0] as number;
    throw new ImportError(
      IMPORT_CODES.NOT_AN_ACTIVITY,
      `FIT file_id.type is ${NON_ACTIVITY_TYPES[type] ?? type} (expected activity, 4): not an activity`,
    );
  }

  const activities = toActivities(collector, warnings);
  if (activities.length === 0) {
    if (read.dataMessages === 0 && read.firstPartStop === IMPORT_CODES.FIT_TRUNCATED) {
      throw new ImportError(
        IMPORT_CODES.FIT_TRUNCATED,
        'FIT file ends before its first message: nothing to import',
      );
    }
    if (read.dataMessages === 0 && read.firstPartStop === IMPORT_CODES.FIT_CORRUPT) {
      const why = warnings.find((w) => w.code === IMPORT_CODES.FIT_CORRUPT)?.message ?? 'unreadable data';
      throw new ImportError(IMPORT_CODES.FIT_CORRUPT, `FIT file is corrupt before its first message: ${why}`);
    }
    if (collector.fileIds.length > 0) {
      throw new ImportError(
        IMPORT_CODES.NOT_AN_ACTIVITY,
        'FIT file has a file_id but no session, lap or timestamped record: not an activity',
      );
    }
    throw new ImportError(IMPORT_CODES.NO_DATA, 'FIT file holds no session, lap or record message');
  }
  return { activities, warnings };
}
