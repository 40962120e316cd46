/**
 * The pain journal: log, list (with episodes), edit and delete entries. An entry belongs to a run: the one
 * given, else that day's run (the last one before the entry's time, or the day's last run), else none.
 */

import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { PainEntryRepository, type PainEntryRow } from '../db/repositories/pain-entry.repository.ts';
import type { Database } from '../db/schema.ts';
import { EARLIEST_LOCAL_DATE, latestLocalDate } from '../domain/activity/plausibility.ts';
import { RUNNING_SPORTS } from '../domain/activity/sport.ts';
import type { PainLocation } from '../domain/assessment/answer-keys.ts';
import { KneewiseError } from '../domain/errors.ts';
import type { InputNames } from '../domain/input-names.ts';
import {
  JOURNAL_CODES,
  type OnsetType,
  type PainEntry,
  type PainFields,
  type PainSide,
  parsePainFields,
  type RawPainFields,
  type Swelling,
} from '../domain/journal/pain-entry.ts';
import { groupEpisodes, type PainEpisode } from '../domain/journal/pain-episodes.ts';
import { offsetInZone, systemTimeZone } from './import/zone-offset.ts';

export function toPainEntry(row: PainEntryRow): PainEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    localDate: row.local_date,
    side: row.side as PainSide | null,
    regions: JSON.parse(row.regions_json) as PainLocation[],
    painDuring: row.pain_during,
    painAfter: row.pain_after,
    painNextMorning: row.pain_next_morning,
    swelling: row.swelling as Swelling | null,
    onset: row.onset as OnsetType | null,
    activityId: row.activity_id,
    note: row.note,
    createdAt: row.created_at,
  };
}

export class JournalService {
  private readonly entries: PainEntryRepository;
  private readonly activities: ActivityRepository;

  /** `names`: whether error messages name the CLI's flags or the API's body fields (input-names.ts). */
  constructor(
    db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
    readonly names: InputNames = 'flags',
  ) {
    this.entries = new PainEntryRepository(db);
    this.activities = new ActivityRepository(db);
  }

  /** `isDemo` marks the entry as part of the demo runner, so removing the demo removes it too. */
  async log(raw: RawPainFields, options: { isDemo?: boolean } = {}): Promise<PainEntry> {
    const fields = parsePainFields(raw, { requireCore: true, names: this.names });
    const date = fields.date!;
    this.checkDate(date);
    const run = await this.runFor(date, fields.time ?? null, fields.runId);
    const row: PainEntryRow = {
      id: newId(this.now().getTime()),
      athlete_id: this.athlete.id,
      occurred_at: this.instant(date, fields.time ?? null, run),
      local_date: date,
      side: fields.side ?? null,
      regions_json: JSON.stringify(fields.regions ?? []),
      pain_during: fields.painDuring ?? null,
      pain_after: fields.painAfter ?? null,
      pain_next_morning: fields.painNextMorning ?? null,
      swelling: fields.swelling ?? null,
      onset: fields.onset ?? null,
      activity_id: run?.id ?? null,
      note: fields.note ?? null,
      created_at: this.now().toISOString(),
      is_demo: options.isDemo ? 1 : 0,
    };
    await this.entries.insert(row);
    return toPainEntry(row);
  }

  async list(
    options: { from?: string; to?: string } = {},
  ): Promise<{ entries: PainEntry[]; episodes: PainEpisode[] }> {
    const all = (await this.entries.list(this.athlete.id)).map(toPainEntry);
    const entries = all.filter(
      (e) =>
        (options.from === undefined || e.localDate >= options.from) &&
        (options.to === undefined || e.localDate <= options.to),
    );
    // Episodes come from the whole journal so a range never cuts one in two.
    return { entries, episodes: groupEpisodes(all) };
  }

  async all(): Promise<PainEntry[]> {
    return (await this.entries.list(this.athlete.id)).map(toPainEntry);
  }

  async get(id: string): Promise<PainEntry> {
    const row = await this.entries.findById(this.athlete.id, id);
    if (!row) {
      throw new KneewiseError(
        JOURNAL_CODES.PAIN_ENTRY_NOT_FOUND,
        `No pain entry with id "${id}" (see kneewise pain list)`,
        'not-found',
      );
    }
    return toPainEntry(row);
  }

  async edit(id: string, raw: RawPainFields): Promise<PainEntry> {
    const current = await this.get(id);
    const fields: PainFields = parsePainFields(raw, { requireCore: false, names: this.names });
    const date = fields.date ?? current.localDate;
    if (fields.date !== undefined) this.checkDate(date);
    const patch: Partial<PainEntryRow> = {};
    if (fields.side !== undefined) patch.side = fields.side;
    if (fields.regions !== undefined) patch.regions_json = JSON.stringify(fields.regions);
    if (fields.painDuring !== undefined) patch.pain_during = fields.painDuring;
    if (fields.painAfter !== undefined) patch.pain_after = fields.painAfter;
    if (fields.painNextMorning !== undefined) patch.pain_next_morning = fields.painNextMorning;
    if (fields.swelling !== undefined) patch.swelling = fields.swelling;
    if (fields.onset !== undefined) patch.onset = fields.onset;
    if (fields.note !== undefined) patch.note = fields.note;
    const moved = fields.date !== undefined || fields.time !== undefined;
    if (fields.runId !== undefined || moved) {
      // A new day without a given run takes that day's run, as a new entry would.
      const runId =
        fields.runId !== undefined
          ? fields.runId
          : moved && fields.date !== undefined
            ? undefined
            : current.activityId;
      const run = await this.runFor(date, fields.time ?? null, runId);
      patch.activity_id = run?.id ?? null;
      if (moved) {
        patch.local_date = date;
        patch.occurred_at = this.instant(date, fields.time ?? null, run);
      }
    }
    if (Object.keys(patch).length > 0) await this.entries.update(this.athlete.id, id, patch);
    return this.get(id);
  }

  /**
   * A journal day must have happened: a day after tomorrow (tomorrow allows for zones ahead of the clock) or
   * before 1989 cannot be right, and such a date used to break every report (issue 14 #5).
   */
  private checkDate(date: string): void {
    const latest = latestLocalDate(this.now().getTime());
    if (date > latest || date < EARLIEST_LOCAL_DATE) {
      throw new KneewiseError(
        'PAIN_DATE_IMPLAUSIBLE',
        `date: ${date} cannot be a day the knee hurt; expected a day from ${EARLIEST_LOCAL_DATE} to today`,
        'input',
        { field: 'date', value: date },
      );
    }
  }

  async delete(id: string): Promise<{ deleted: PainEntry }> {
    const entry = await this.get(id);
    await this.entries.delete(this.athlete.id, id);
    return { deleted: entry };
  }

  /**
   * The run an entry belongs to. `runId` null = none on purpose; a string must name a stored activity;
   * undefined = that day's run.
   */
  private async runFor(
    date: string,
    time: string | null,
    runId: string | null | undefined,
  ): Promise<ActivityRow | null> {
    if (runId === null) return null;
    if (runId !== undefined) {
      const found = (await this.activities.list(this.athlete.id)).find((r) => r.id === runId);
      if (!found) {
        throw new KneewiseError(
          JOURNAL_CODES.RUN_NOT_FOUND,
          this.names === 'flags'
            ? `--run: no activity with id "${runId}" (see kneewise activities --json)`
            : `body.run: no activity with id "${runId}"`,
          'not-found',
        );
      }
      return found;
    }
    const rows = await this.activities.list(this.athlete.id, { sports: [...RUNNING_SPORTS] });
    const sameDay = rows.filter((r) => r.local_date === date);
    if (sameDay.length === 0) return null;
    if (time !== null) {
      const at = Date.parse(this.instant(date, time, null));
      const before = sameDay.filter((r) => r.start_ms <= at);
      if (before.length > 0) return before[before.length - 1]!;
    }
    return sameDay[sameDay.length - 1]!;
  }

  /** The entry's instant: its local time in the runner's zone, else the end of its run, else local noon. */
  private instant(date: string, time: string | null, run: ActivityRow | null): string {
    if (time === null && run !== null) {
      return new Date(run.start_ms + Math.max(0, run.elapsed_time_s) * 1000).toISOString();
    }
    const [h, m] = (time ?? '12:00').split(':').map(Number) as [number, number];
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const wall = Date.UTC(y, mo - 1, d, h, m);
    const zone = this.athlete.settings.timeZone ?? systemTimeZone();
    // Two passes: the offset at the guessed instant, then at the corrected one (right across DST changes).
    const first = wall - offsetInZone(zone, wall) * 1000;
    return new Date(wall - offsetInZone(zone, first) * 1000).toISOString();
  }
}
