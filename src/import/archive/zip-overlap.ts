/**
 * Detects entries whose bytes overlap inside one archive. A real archiver writes each entry's local header
 * and data once, one after another; an "overlapping" ZIP bomb points many central-directory entries at one
 * shared compressed stream, so a 1 MB file inflates to gigabytes while every entry looks innocent on its own
 * (ratio and size checks pass). No legitimate export does this, so the archive is refused at the first overlap.
 */

/** Fixed part of a local file header; the name and extra field follow it, then the compressed data. */
const LOCAL_HEADER_BYTES = 30;

export class OverlapDetector {
  /** Ranges seen so far, sorted by start, as [start, end) pairs; they never overlap one another. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /**
   * Records the entry whose local header sits at `offset` with `compressedSize` bytes of data; true when it
   * overlaps an entry recorded before. The range is a lower bound of the entry's real extent (the name and
   * extra field lengths are in the local header, unread here), so a well-formed archive never trips it.
   */
  overlaps(offset: number, compressedSize: number): boolean {
    const start = offset;
    const end = offset + LOCAL_HEADER_BYTES + compressedSize;
    // First range starting at or after `start` (binary search).
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.starts.length && this.starts[lo]! < end) return true;
    if (lo > 0 && this.ends[lo - 1]! > start) return true;
    this.starts.splice(lo, 0, start);
    this.ends.splice(lo, 0, end);
    return false;
  }
}
