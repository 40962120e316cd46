/**
 * One file's bytes → activities, whatever the format: gzip is unwrapped first (any extension), then the format
 * is sniffed from the content, never trusted from the name.
 */
import type { DecodeResult } from '../domain/activity/activity.ts';
import { IMPORT_CODES, ImportError } from '../domain/errors.ts';
import { MAX_ACTIVITY_FILE_BYTES } from './activity-file-limits.ts';
import { gunzipBytes } from './archive/gunzip.ts';
import { decodeFit } from './fit/fit.decoder.ts';
import { parseGpx } from './gpx/gpx.parser.ts';
import { sniffFormat } from './sniff.ts';
import { parseTcx } from './tcx/tcx.parser.ts';

export function decodeActivityFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) throw new ImportError(IMPORT_CODES.EMPTY_FILE, 'The file is empty (0 bytes).');
  let data = bytes;
  if (sniffFormat(data) === 'gzip') data = gunzipBytes(data, MAX_ACTIVITY_FILE_BYTES);
  if (data.length === 0)
    throw new ImportError(IMPORT_CODES.EMPTY_FILE, 'The file is empty once decompressed.');
  const format = sniffFormat(data);
  switch (format) {
    case 'fit':
      return decodeFit(data);
    case 'gpx':
      return parseGpx(data);
    case 'tcx':
      return parseTcx(data);
    case 'zip':
      throw new ImportError(
        IMPORT_CODES.UNSUPPORTED_FORMAT,
        'A ZIP inside a compressed file is not supported.',
      );
    default:
      throw new ImportError(
        IMPORT_CODES.UNSUPPORTED_FORMAT,
        'Not a FIT, GPX or TCX activity file (checked by content, not by name).',
      );
  }
}
