/**
 * Test support: reads files of the corpus (test/corpus) and its EXPECTED.tsv. Tests only —
 * the decoder itself never touches the file system.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const CORPUS = new URL('../../../test/corpus/', import.meta.url);

/** Bytes of a corpus file; `.gz` files are gunzipped here (the real pipeline does that before decodeFit). */
export function corpusBytes(relative: string): Uint8Array {
  const raw = new Uint8Array(readFileSync(new URL(relative, CORPUS)));
  return relative.endsWith('.gz') ? new Uint8Array(gunzipSync(raw)) : raw;
}

export interface ExpectedRow {
  file: string;
  sport: string;
  startUtc: string;
  distanceM: number | null;
  timerS: number | null;
}

/** Rows of EXPECTED.tsv for FIT files (including gzipped ones and the Strava export's FIT). */
export function expectedFitRows(): ExpectedRow[] {
  const text = readFileSync(new URL('EXPECTED.tsv', CORPUS), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const cols = (header ?? '').split('\t');
  const at = (name: string) => cols.indexOf(name);
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  return lines
    .map((line) => line.split('\t'))
    .filter((c) => /\.fit(\.gz)?$/i.test(c[at('file')] ?? ''))
    .map((c) => ({
      file: c[at('file')] ?? '',
      sport: c[at('sport')] ?? '',
      startUtc: c[at('start_time_utc')] ?? '',
      distanceM: num(c[at('total_distance_m')]),
      timerS: num(c[at('total_timer_s')]),
    }));
}
