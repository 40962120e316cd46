/**
 * The name an uploaded file is kept under while it waits to be imported. Browsers send a bare file name, but
 * the name is the client's word: anything that could leave the job's scratch folder is cut away.
 */
import { KneewiseError } from '../domain/errors.ts';

/**
 * A name is kept under this many UTF-8 bytes: well under the 255-byte limit of common file systems, even with
 * a " (20000)" added (counting characters is not enough: 120 emoji are 480 bytes).
 */
const MAX_KEPT_BYTES = 200;
/** No file system stores a longer file name, so no file the runner has can carry one. */
const MAX_NAME_BYTES = 255;

export const UPLOAD_NAME_CODES = {
  IMPORT_NAME_MISSING: 'IMPORT_NAME_MISSING',
  IMPORT_NAME_INVALID: 'IMPORT_NAME_INVALID',
  IMPORT_NAME_TOO_LONG: 'IMPORT_NAME_TOO_LONG',
} as const;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The end of `name` within `maxBytes` UTF-8 bytes, never splitting a character. */
function keepEnd(name: string, maxBytes: number): string {
  const chars = [...name];
  let kept = '';
  let bytes = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const size = utf8Bytes(chars[i]!);
    if (bytes + size > maxBytes) break;
    kept = chars[i] + kept;
    bytes += size;
  }
  return kept.replace(/^[.\s]+/, '');
}

export function sanitizeUploadName(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '') {
    throw new KneewiseError(
      UPLOAD_NAME_CODES.IMPORT_NAME_MISSING,
      'query.name: expected the name of the uploaded file, e.g. ?name=export.zip',
    );
  }
  // Only the last part of a path (`../x.fit`, `C:\Users\x.fit`); no control characters; no leading dots,
  // so neither `..` nor a hidden file can come out of it.
  const last = trimmed.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .replace(/\p{Cc}/gu, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (cleaned === '') {
    throw new KneewiseError(
      UPLOAD_NAME_CODES.IMPORT_NAME_INVALID,
      `query.name: expected a file name such as export.zip, got "${raw}"`,
    );
  }
  const size = utf8Bytes(cleaned);
  if (size > MAX_NAME_BYTES) {
    throw new KneewiseError(
      UPLOAD_NAME_CODES.IMPORT_NAME_TOO_LONG,
      `query.name: a file name may be at most ${MAX_NAME_BYTES} bytes; this one has ${size} ("…${keepEnd(cleaned, 40)}"); rename the file`,
    );
  }
  // Keep the end: the extension tells the importer what the file is.
  return size > MAX_KEPT_BYTES ? keepEnd(cleaned, MAX_KEPT_BYTES) : cleaned;
}

/** `name`, or `name (2).ext`, `name (3).ext`… when a file of that name is already in the job. */
export function uniqueUploadName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  // The whole compound extension stays at the end: run.fit.gz → run (2).fit.gz.
  const match = /^(.*?)((?:\.[A-Za-z0-9]{1,5}){0,2})$/.exec(name);
  const stem = match?.[1] || name;
  const ext = match?.[1] ? (match[2] ?? '') : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
