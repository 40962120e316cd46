import {
  ONSETS,
  PAIN_LOCATIONS,
  type PainLocation,
  SIDES,
  SWELLING_AMOUNTS,
} from '../assessment/answer-keys.ts';
import { KneewiseError } from '../errors.ts';
import { type InputNames, inputName } from '../input-names.ts';
import { tryDayNumber } from '../load/calendar-day.ts';

/**
 * A pain journal entry: when, which knee, where (the assessment's location vocabulary), how much (0–10 during
 * the run, after it and the next morning), swelling, sudden or gradual onset, and the run it belongs to.
 * Onset type matters: most overuse injuries in Garmin-RUNSAFE began suddenly during or right after a run
 * (research/training-load.md §1b), so the journal asks for it.
 */
/** The same vocabularies as the assessment answers, so a journal entry can seed an assessment. */
export const PAIN_SIDES = SIDES;
export type PainSide = (typeof PAIN_SIDES)[number];
export const SWELLING_LEVELS = SWELLING_AMOUNTS;
export type Swelling = (typeof SWELLING_LEVELS)[number];
export const ONSET_TYPES = ONSETS;
export type OnsetType = (typeof ONSET_TYPES)[number];

export const JOURNAL_CODES = {
  PAIN_INVALID: 'PAIN_INVALID',
  PAIN_ENTRY_NOT_FOUND: 'PAIN_ENTRY_NOT_FOUND',
  RUN_NOT_FOUND: 'RUN_NOT_FOUND',
  NO_PAIN_EPISODE: 'NO_PAIN_EPISODE',
} as const;

export interface PainEntry {
  id: string;
  /** ISO-8601 UTC instant. */
  occurredAt: string;
  /** YYYY-MM-DD in the runner's zone. */
  localDate: string;
  side: PainSide | null;
  regions: PainLocation[];
  painDuring: number | null;
  painAfter: number | null;
  painNextMorning: number | null;
  swelling: Swelling | null;
  onset: OnsetType | null;
  activityId: string | null;
  note: string | null;
  createdAt: string;
}

/** The validated content of `pain log` / `pain edit`; undefined = not given. */
export interface PainFields {
  date?: string;
  /** HH:MM local time. */
  time?: string | null;
  side?: PainSide | null;
  regions?: PainLocation[];
  painDuring?: number | null;
  painAfter?: number | null;
  painNextMorning?: number | null;
  swelling?: Swelling | null;
  onset?: OnsetType | null;
  runId?: string | null;
  note?: string | null;
}

/** What the CLI or HTTP edge hands over: strings as typed. */
export interface RawPainFields {
  date?: string | undefined;
  time?: string | undefined;
  side?: string | undefined;
  regions?: readonly string[] | string | undefined;
  during?: string | number | undefined;
  after?: string | number | undefined;
  morning?: string | number | undefined;
  swelling?: string | undefined;
  onset?: string | undefined;
  run?: string | undefined;
  note?: string | undefined;
}

function invalid(field: string, expected: string, got: unknown): KneewiseError {
  return new KneewiseError(
    JOURNAL_CODES.PAIN_INVALID,
    `${field}: expected ${expected}, got ${JSON.stringify(got)}`,
    'input',
    { field },
  );
}

export function parseLocalDate(value: string, field = '--date'): string {
  const trimmed = value.trim();
  if (tryDayNumber(trimmed) === null) throw invalid(field, 'a calendar date as YYYY-MM-DD', value);
  return trimmed;
}

export function parseTime(value: string, field = '--time'): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw invalid(field, 'a time as HH:MM (00:00–23:59)', value);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

export function parsePainScore(value: string | number, field: string): number {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw invalid(field, 'a pain score from 0 to 10', value);
  return n;
}

function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  const v = value.trim().toLowerCase();
  if (!(values as readonly string[]).includes(v)) throw invalid(field, `one of ${values.join(', ')}`, value);
  return v as T;
}

export function parseRegions(value: readonly string[] | string, field = '--region'): PainLocation[] {
  const parts = (typeof value === 'string' ? [value] : value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const regions = parts.map((p) => oneOf(PAIN_LOCATIONS, p, field));
  return [...new Set(regions)];
}

/**
 * Validates every given field; `requireCore` (for a new entry) also demands a date and at least one score.
 * `names`: whether messages name the CLI's flags or the API's body fields.
 */
export function parsePainFields(
  raw: RawPainFields,
  options: { requireCore: boolean; names?: InputNames },
): PainFields {
  const names = options.names ?? 'flags';
  const n = (key: keyof RawPainFields, flag = `--${key}`) => inputName(names, flag, key);
  const out: PainFields = {};
  if (raw.date !== undefined) out.date = parseLocalDate(raw.date, n('date'));
  if (raw.time !== undefined) out.time = parseTime(raw.time, n('time'));
  if (raw.side !== undefined) out.side = oneOf(PAIN_SIDES, raw.side, n('side'));
  if (raw.regions !== undefined) out.regions = parseRegions(raw.regions, n('regions', '--region'));
  if (raw.during !== undefined) out.painDuring = parsePainScore(raw.during, n('during'));
  if (raw.after !== undefined) out.painAfter = parsePainScore(raw.after, n('after'));
  if (raw.morning !== undefined) out.painNextMorning = parsePainScore(raw.morning, n('morning'));
  if (raw.swelling !== undefined) out.swelling = oneOf(SWELLING_LEVELS, raw.swelling, n('swelling'));
  if (raw.onset !== undefined) out.onset = oneOf(ONSET_TYPES, raw.onset, n('onset'));
  // `--run none` unlinks an entry from any run.
  if (raw.run !== undefined) out.runId = ['', 'none'].includes(raw.run.trim()) ? null : raw.run.trim();
  if (raw.note !== undefined) out.note = raw.note.trim() === '' ? null : raw.note;
  if (options.requireCore) {
    if (out.date === undefined) throw invalid(n('date'), 'a calendar date as YYYY-MM-DD', undefined);
    if (out.painDuring === undefined && out.painAfter === undefined && out.painNextMorning === undefined) {
      const scores = names === 'flags' ? '--during/--after/--morning' : 'body.during/after/morning';
      throw invalid(scores, 'at least one pain score from 0 to 10', undefined);
    }
  }
  return out;
}

/** The highest pain score an entry holds, or 0 when it holds none. */
export function peakPain(entry: Pick<PainEntry, 'painDuring' | 'painAfter' | 'painNextMorning'>): number {
  return Math.max(entry.painDuring ?? 0, entry.painAfter ?? 0, entry.painNextMorning ?? 0);
}
