/**
 * GET /journal/calendar: running per day and the worst pain of the day over a range of local days (default:
 * the current week and the eleven before it, in the runner's week start).
 */
import type { Kysely } from 'kysely';
import { countedActivity } from '../db/repositories/analysis-scope.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { PainEntryRepository } from '../db/repositories/pain-entry.repository.ts';
import type { Database } from '../db/schema.ts';
import { RUNNING_SPORTS } from '../domain/activity/sport.ts';
import { KneewiseError } from '../domain/errors.ts';
import {
  type CalendarDay,
  calendarDays,
  DEFAULT_CALENDAR_WEEKS,
  MAX_CALENDAR_DAYS,
} from '../domain/journal/journal-calendar.ts';
import { addDays, dateOfDay, dayNumber, weekStartOf } from '../domain/load/calendar-day.ts';
import { runnerZone, todayIn } from './activity-history.service.ts';
import { toPainEntry } from './journal.service.ts';

export interface JournalCalendar {
  from: string;
  to: string;
  days: CalendarDay[];
}

export async function journalCalendar(
  db: Kysely<Database>,
  athlete: Athlete,
  now: Date,
  range: { from?: string; to?: string },
): Promise<JournalCalendar> {
  const to = range.to ?? todayIn(now, runnerZone(athlete.settings));
  const from =
    range.from ??
    addDays(
      dateOfDay(weekStartOf(dayNumber(to), athlete.settings.weekStart)),
      -7 * (DEFAULT_CALENDAR_WEEKS - 1),
    );
  if (from > to) {
    throw new KneewiseError(
      'CALENDAR_RANGE_INVALID',
      `from: expected a day on or before to (${to}), got ${from}`,
      'input',
      {
        field: 'from',
      },
    );
  }
  const span = dayNumber(to) - dayNumber(from) + 1;
  if (span > MAX_CALENDAR_DAYS) {
    throw new KneewiseError(
      'CALENDAR_RANGE_INVALID',
      `to: expected at most ${MAX_CALENDAR_DAYS} days from ${from}, got ${span}`,
      'input',
      { field: 'to' },
    );
  }
  const [runs, entries] = await Promise.all([
    db
      .selectFrom('activities')
      .select(['local_date', 'distance_m'])
      .where('athlete_id', '=', athlete.id)
      .where(countedActivity())
      .where('sport', 'in', [...RUNNING_SPORTS])
      .where('local_date', '>=', from)
      .where('local_date', '<=', to)
      .execute(),
    new PainEntryRepository(db).list(athlete.id, { from, to }),
  ]);
  return {
    from,
    to,
    days: calendarDays(
      from,
      to,
      runs.map((r) => ({ localDate: r.local_date, distanceM: Number(r.distance_m) })),
      entries.map(toPainEntry),
    ),
  };
}
