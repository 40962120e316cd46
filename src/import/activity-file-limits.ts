/**
 * The largest activity file kneewise reads, apart from the decoders (decode-file.ts) so that what reads
 * files (services/import/bounded-file.ts) does not load them with it.
 */

/** No real activity file comes near this; a bigger inflated size is a decompression bomb. */
export const MAX_ACTIVITY_FILE_BYTES = 256 * 1024 * 1024;
