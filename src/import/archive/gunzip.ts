/**
 * gzip decompression for `.fit.gz` / `.gpx.gz` / `.tcx.gz` files from Strava exports.
 *
 * The output is capped: a few KB of gzip can expand to GBs, and an activity file is never that big.
 * Concatenated gzip members (allowed by RFC 1952) are all inflated, as gunzip(1) does.
 */
import { gunzipSync } from 'node:zlib';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';

/** A generous cap for one activity file: the largest corpus FIT (100k records) is ~3 MB. */
export const DEFAULT_GUNZIP_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Inflates gzip bytes. Throws ImportError GZIP_CORRUPT for a bad header, bad CRC or truncated stream, and
 * FILE_TOO_LARGE when the output would exceed `maxBytes` (inflation stops there, memory stays bounded).
 * `name` only labels the error message.
 */
export function gunzipBytes(
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_GUNZIP_MAX_BYTES,
  name = 'gzip data',
): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new ImportError(IMPORT_CODES.GZIP_CORRUPT, `${name}: not gzip data (missing the 1f 8b signature)`);
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportError(IMPORT_CODES.FILE_TOO_LARGE, `${name}: inflates to more than ${maxBytes} bytes`);
    }
    throw new ImportError(
      IMPORT_CODES.GZIP_CORRUPT,
      `${name}: damaged gzip data (${describeZlibError(err)})`,
    );
  }
}

/** zlib's messages are terse ("incorrect data check"); say what they mean for a user's file. */
function describeZlibError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/incorrect data check/i.test(message)) return 'CRC check failed: the file is damaged';
  if (/unexpected end of file/i.test(message)) return 'the file is truncated';
  return message;
}
