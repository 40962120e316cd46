/** The corpus of real activity files (test/corpus, licences in its README), with its EXPECTED.tsv totals. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const CORPUS_DIR = resolve(new URL('../corpus', import.meta.url).pathname);

export interface ExpectedRow {
  file: string;
  startUtc: string | null;
  distanceM: number | null;
  timerS: number | null;
}

export function expectedRows(): ExpectedRow[] {
  const lines = readFileSync(join(CORPUS_DIR, 'EXPECTED.tsv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const num = (name: string) => {
      const v = cells[col(name)] ?? '';
      return v === '' ? null : Number(v);
    };
    return {
      file: cells[col('file')]!,
      startUtc: cells[col('start_time_utc')] || null,
      distanceM: num('total_distance_m'),
      timerS: num('total_timer_s'),
    };
  });
}

/** Every activity data file of the corpus (not metadata TSV/CSV, READMEs or licences), relative to the corpus. */
export function corpusDataFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'LICENSES') walk(full);
      } else if (!/\.(tsv|md|txt|csv)$/i.test(e.name)) out.push(relative(CORPUS_DIR, full));
    }
  };
  walk(CORPUS_DIR);
  return out.sort();
}
