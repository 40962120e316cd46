/**
 * An RFC 4180 CSV reader. Strava's activities.csv needs a real one: descriptions hold commas, quotes and raw
 * newlines inside quoted cells, and localized dates ("May 29, 2022, 3:53:35 PM") contain commas — splitting
 * lines on commas silently shifts every column after the first such cell.
 *
 * Lenient where the RFC is silent (a stray quote inside an unquoted cell is kept as a character; text after a
 * closing quote is appended), strict where data would be lost (an unterminated quote throws).
 */
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';

/**
 * Rows of cells, in file order. A leading UTF-8 BOM is dropped; CRLF, LF and lone CR end rows; a final line
 * break does not make an empty last row. Duplicate header names are kept as they are (rows are positional).
 * `name` only labels errors.
 */
export function parseCsv(text: string, name = 'CSV'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quoteStartLine = 0;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // True once the current row has any content or separator: distinguishes "a,\n" from a trailing newline.
  let rowStarted = false;

  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
    rowStarted = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quoteStartLine = line;
      rowStarted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      row.push(cell);
      cell = '';
      rowStarted = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    cell += ch;
    rowStarted = true;
    i += 1;
  }
  if (inQuotes) {
    throw new ImportError(
      IMPORT_CODES.CSV_MALFORMED,
      `${name}: a quoted cell opened on line ${quoteStartLine} is never closed (the file may be truncated)`,
    );
  }
  if (rowStarted || cell !== '') endRow();
  return rows;
}

/** True for a row with no content at all (a blank line), which exports sometimes carry at the end. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
