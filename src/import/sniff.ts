/**
 * Tells a file's format from its first bytes, not its name: Strava and Garmin exports hold gzip-compressed
 * FIT behind any extension, and a GPX renamed to .fit is still a GPX.
 */
export type SniffedFormat = 'fit' | 'gpx' | 'tcx' | 'gzip' | 'zip' | 'unknown';

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'zip';
  }
  // FIT: header size 12 or 14 at byte 0, ".FIT" at bytes 8..11.
  if (
    bytes.length >= 12 &&
    (bytes[0] === 12 || bytes[0] === 14) &&
    bytes[8] === 0x2e &&
    bytes[9] === 0x46 &&
    bytes[10] === 0x49 &&
    bytes[11] === 0x54
  ) {
    return 'fit';
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).toLowerCase();
  if (head.includes('<gpx')) return 'gpx';
  if (head.includes('<trainingcenterdatabase')) return 'tcx';
  return 'unknown';
}
