/**
 * Cell values of Strava's activities.csv: numbers in the account's locale, durations, and the activity date.
 * Each parser returns a value, or null for an empty cell, or throws CellError saying what was expected; the
 * row parser turns that into an issue and keeps the row.
 */

export class CellError extends Error {}

/** Strava's marker for a value it failed to compute (also seen as a pseudo-filename). */
export const STRAVA_ERROR_MARKER = '#error#';

/**
 * A number written with '.' or ',' as decimal separator, with optional thousands separators
 * ("3322.95", "3322,95", "1,234.5", "1.234,5"). The last separator is the decimal one when both occur;
 * a lone ',' is decimal (German exports write "3,32").
 */
export function parseLocaleNumber(cell: string): number | null {
  const text = cell.trim();
  if (text === '') return null;
  if (text.toLowerCase() === STRAVA_ERROR_MARKER)
    throw new CellError(`Strava wrote "${STRAVA_ERROR_MARKER}" instead of a value`);
  let normalized = text;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    normalized = text.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalized))
    throw new CellError(`"${cell}" is not a number`);
  const value = Number(normalized);
  if (!Number.isFinite(value)) throw new CellError(`"${cell}" is not a finite number`);
  return value;
}

/** Seconds, written either as a number ("1428", "1428.0") or as a clock ("0:23:48", "23:48"). */
export function parseDurationSeconds(cell: string): number | null {
  const text = cell.trim();
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return c === null ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  const value = parseLocaleNumber(text);
  if (value !== null && value < 0) throw new CellError(`"${cell}" is a negative duration`);
  return value;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * The "Activity Date" cell as epoch ms. Strava writes it without an offset; importers that compared it
 * with the activity files found it to be UTC (research/strava-garmin-export.md §1.3), so it is read as UTC.
 * Accepted forms:
 *   "May 29, 2022, 3:53:35 PM"  (English accounts)
 *   "29.05.2022, 15:53:35"      (German accounts: day first)
 *   "29/05/2022 15:53:35"       (French, Spanish, Italian, Portuguese, Dutch: day first)
 *   "29 mai 2022, 15:53:35"     (day, month name in the account's language, year)
 *   "2022/05/29 15:53:35", "2022年5月29日 15:53:35" (Japanese: year first)
 *   "2022-05-29 15:53:35"       (older exports, ISO-like)
 */
export function parseStravaDate(cell: string): number {
  const text = cell.trim();
  const english = /^([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AaPp][Mm])$/.exec(
    text,
  );
  if (english) {
    const month = MONTHS[english[1]!.toLowerCase().slice(0, 3)];
    if (month === undefined) throw new CellError(`"${cell}" has an unknown month name`);
    let hour = Number(english[4]);
    if (hour < 1 || hour > 12) throw new CellError(`"${cell}" has an hour outside 1–12 for AM/PM`);
    const pm = english[7]!.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
    return utc(
      cell,
      Number(english[3]),
      month,
      Number(english[2]),
      hour,
      Number(english[5]),
      Number(english[6]),
    );
  }
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (dayFirst) {
    const [, d, m, y, h, mi, s] = dayFirst.map(Number) as number[];
    return utc(cell, y!, m!, d!, h!, mi!, s!);
  }
  const dayMonthName = /^(\d{1,2})\.? ([^\d\s,]+) (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/u.exec(text);
  if (dayMonthName) {
    const month = monthFromName(dayMonthName[2]!);
    if (month === null) throw new CellError(`"${cell}" has an unknown month name`);
    const [d, y, h, mi, s] = [1, 3, 4, 5, 6].map((i) => Number(dayMonthName[i]));
    return utc(cell, y!, month, d!, h!, mi!, s!);
  }
  const japanese = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2}):(\d{2}):(\d{2})$/u.exec(text);
  if (japanese) {
    const [, y, m, d, h, mi, s] = japanese.map(Number) as number[];
    return utc(cell, y!, m!, d!, h!, mi!, s!);
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})Z?$/.exec(text);
  if (iso) {
    const [, y, m, d, h, mi, s] = iso.map(Number) as number[];
    return utc(cell, y!, m!, d!, h!, mi!, s!);
  }
  throw new CellError(`"${cell}" is not a date like "May 29, 2022, 3:53:35 PM"`);
}

/**
 * Month names as other languages write them in day-first dates ("29 mai 2022, 15:53:35", "29 de mayo…" is not
 * used by Strava): English, French, Spanish, Italian, Portuguese, Dutch, German; accents ignored.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'januar', 'janner'],
  ['february', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'februar'],
  ['march', 'mars', 'marzo', 'marco', 'maart', 'marz'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'juin', 'junio', 'giugno', 'junho', 'juni'],
  ['july', 'juillet', 'julio', 'luglio', 'julho', 'juli'],
  ['august', 'aout', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro'],
  ['october', 'octobre', 'octubre', 'ottobre', 'outubro', 'oktober'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'dezember'],
];

/** 1–12 for a full or abbreviated month name (at least 3 letters, one month only), else null. */
function monthFromName(word: string): number | null {
  const w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const months = new Set<number>();
  MONTH_NAMES.forEach((names, i) => {
    if (names.some((n) => n.startsWith(w))) months.add(i + 1);
  });
  return months.size === 1 ? [...months][0]! : null;
}

function utc(cell: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 31 April over to 1 May; refuse instead of moving the run to another day.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new CellError(`"${cell}" is not a valid calendar date and time`);
  }
  return ms;
}
