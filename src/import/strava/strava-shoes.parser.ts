/**
 * Strava's shoes.csv: "Shoe Name, Shoe Brand, Shoe Model, Shoe Default Sport Types". Names only — Strava
 * exports no distance and no retired flag (research/strava-garmin-export.md §1.3), so the user supplies
 * start distance and limit later.
 */
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { isBlankRow, parseCsv } from './csv.parser.ts';

export interface StravaShoe {
  /** The name as the "Activity Gear" column shows it: the nickname, else "brand model". */
  name: string;
  /** The nickname exactly as exported (Strava allows none). */
  nickname: string | null;
  brand: string | null;
  model: string | null;
  /** Strava sport types the shoe is the default for, e.g. ["Run", "TrailRun"]. */
  defaultSportTypes: string[];
}

export function parseStravaShoesCsv(text: string, fileName = 'shoes.csv'): StravaShoe[] {
  const table = parseCsv(text, fileName);
  const header = (table[0] ?? []).map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [iName, iBrand, iModel, iTypes] = [
    col('Shoe Name'),
    col('Shoe Brand'),
    col('Shoe Model'),
    col('Shoe Default Sport Types'),
  ];
  if (iName < 0 && (iBrand < 0 || iModel < 0)) {
    throw new ImportError(
      IMPORT_CODES.CSV_MALFORMED,
      `${fileName}: expected the columns "Shoe Name", "Shoe Brand", "Shoe Model"; header found: ${header.join(',')}`,
    );
  }
  const shoes: StravaShoe[] = [];
  let unnamed = 0;
  for (const row of table.slice(1)) {
    if (isBlankRow(row)) continue;
    const cell = (i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
    const nickname = cell(iName) || null;
    const brand = cell(iBrand) || null;
    const model = cell(iModel) || null;
    const brandModel = [brand, model].filter((x) => x !== null).join(' ');
    let name = nickname ?? brandModel;
    if (name === '') {
      unnamed += 1;
      name = `Unnamed shoe ${unnamed}`;
    }
    const defaultSportTypes = cell(iTypes)
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== '');
    shoes.push({ name, nickname, brand, model, defaultSportTypes });
  }
  return shoes;
}
