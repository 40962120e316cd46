/**
 * Errors with stable codes. The CLI maps them to exit codes and one-line messages, HTTP to statuses.
 * `kind` says whose fault it is: `input` (bad file, bad flag, bad answer: exit 2 / HTTP 400),
 * `not-found` (HTTP 404, exit 2), `internal` (exit 1 / HTTP 500).
 */
export type ErrorKind = 'input' | 'not-found' | 'internal';

export class KneewiseError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    kind: ErrorKind = 'input',
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'KneewiseError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

/**
 * Stable codes for files that are skipped or imported with a warning. Tests and users key on these.
 */
export const IMPORT_CODES = {
  EMPTY_FILE: 'EMPTY_FILE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  NOT_AN_ACTIVITY: 'NOT_AN_ACTIVITY',
  NO_TIMESTAMPS: 'NO_TIMESTAMPS',
  NO_DATA: 'NO_DATA',
  FIT_INVALID_HEADER: 'FIT_INVALID_HEADER',
  FIT_TRUNCATED: 'FIT_TRUNCATED',
  FIT_CRC_MISMATCH: 'FIT_CRC_MISMATCH',
  FIT_CORRUPT: 'FIT_CORRUPT',
  FIT_CHAINED_PART_UNREADABLE: 'FIT_CHAINED_PART_UNREADABLE',
  FIT_DEVICE_RELATIVE_TIME: 'FIT_DEVICE_RELATIVE_TIME',
  XML_MALFORMED: 'XML_MALFORMED',
  XML_TRUNCATED: 'XML_TRUNCATED',
  XML_DTD_REFUSED: 'XML_DTD_REFUSED',
  GPX_BAD_COORDINATES: 'GPX_BAD_COORDINATES',
  POSITIONS_IMPLAUSIBLE: 'POSITIONS_IMPLAUSIBLE',
  TCX_DUPLICATE_LAP: 'TCX_DUPLICATE_LAP',
  GZIP_CORRUPT: 'GZIP_CORRUPT',
  ZIP_CORRUPT: 'ZIP_CORRUPT',
  ZIP_UNSAFE_PATH: 'ZIP_UNSAFE_PATH',
  ZIP_BOMB: 'ZIP_BOMB',
  ZIP_TOO_MANY_ENTRIES: 'ZIP_TOO_MANY_ENTRIES',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  CSV_MALFORMED: 'CSV_MALFORMED',
  CSV_ROW_INVALID: 'CSV_ROW_INVALID',
  EXPORT_FILE_MISSING: 'EXPORT_FILE_MISSING',
  JSON_MALFORMED: 'JSON_MALFORMED',
  READ_FAILED: 'READ_FAILED',
  NOT_A_FILE: 'NOT_A_FILE',
} as const;

export type ImportCode = (typeof IMPORT_CODES)[keyof typeof IMPORT_CODES];

/** Thrown by a decoder when a file yields no activity at all; the import lists it as skipped. */
export class ImportError extends KneewiseError {
  constructor(code: ImportCode, message: string) {
    super(code, message, 'input');
    this.name = 'ImportError';
  }
}
