/**
 * Limits that keep a hostile or broken archive from exhausting memory or disk. Real exports are large
 * (a Garmin export part can hold ~8,000 files; whole exports reach several GB), so the defaults are
 * generous; a decompression bomb still trips them long before the machine suffers.
 */
export interface ZipLimits {
  /** Entries in one archive's central directory, files and folders. */
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes read from one archive in total (all entries, as actually read). */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio accepted for entries bigger than `ratioMinBytes`. */
  maxRatio: number;
  /** Entries at most this big (inflated) are exempt from the ratio check: tiny files compress absurdly well. */
  ratioMinBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 512 * MB,
  maxTotalBytes: 20 * 1024 * MB,
  // FIT and GPX compress about 3–10:1; a run of zeros compresses ~1000:1.
  maxRatio: 200,
  ratioMinBytes: MB,
};

/** Archives inside archives: outer export → UploadedFiles part → file is depth 2; deeper is refused. */
export const MAX_ZIP_NESTING = 3;

/** Why an entry's declared sizes are unacceptable, or null. Declared sizes can lie: reading re-checks. */
export function declaredSizeProblem(
  uncompressedSize: number,
  compressedSize: number,
  limits: ZipLimits,
): { code: 'FILE_TOO_LARGE' | 'ZIP_BOMB'; message: string } | null {
  if (uncompressedSize > limits.maxEntryBytes) {
    return {
      code: 'FILE_TOO_LARGE',
      message: `declares ${uncompressedSize} bytes, more than the ${limits.maxEntryBytes}-byte limit per file`,
    };
  }
  return ratioProblem(uncompressedSize, compressedSize, limits);
}

/** Ratio check shared by the declared sizes and the bytes actually inflated so far. */
export function ratioProblem(
  inflatedBytes: number,
  compressedSize: number,
  limits: ZipLimits,
): { code: 'ZIP_BOMB'; message: string } | null {
  if (inflatedBytes <= limits.ratioMinBytes) return null;
  const ratio = inflatedBytes / Math.max(compressedSize, 1);
  if (ratio <= limits.maxRatio) return null;
  return {
    code: 'ZIP_BOMB',
    message: `inflates ${compressedSize} bytes to ${inflatedBytes} or more (ratio ${Math.round(ratio)}:1, limit ${limits.maxRatio}:1): looks like a decompression bomb`,
  };
}
