import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import type { Database } from '../../db/schema.ts';
import { KneewiseError } from '../../domain/errors.ts';
import type { PainEntry, RawPainFields } from '../../domain/journal/pain-entry.ts';
import { JOURNAL_CODES, parseLocalDate } from '../../domain/journal/pain-entry.ts';
import { type DistanceUnits, formatDistance } from '../../domain/units.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import { JournalService } from '../../services/journal.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

/** `kneewise pain log|list|edit|delete`: the pain journal. Translation only; validation lives in the domain. */
interface EntryFlags {
  date?: string;
  time?: string;
  side?: string;
  region?: string[];
  during?: string;
  after?: string;
  morning?: string;
  swelling?: string;
  onset?: string;
  run?: string;
  note?: string;
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function entryOptions(cmd: Command): Command {
  return cmd
    .option('--date <date>', 'day of the pain, YYYY-MM-DD')
    .option('--time <hh:mm>', 'local time')
    .option('--side <side>', 'left, right or both')
    .option(
      '--region <region>',
      'where: anterior, inferior-patellar, lateral, medial, posterior, diffuse (repeatable or comma-separated)',
      collect,
    )
    .option('--during <0-10>', 'pain during the run')
    .option('--after <0-10>', 'pain after the run')
    .option('--morning <0-10>', 'pain the next morning')
    .option('--swelling <level>', 'none, mild or severe')
    .option('--onset <type>', 'sudden or gradual')
    .option('--run <id>', "the run it belongs to (default: that day's run; none = no run)")
    .option('--note <text>')
    .option('--json', 'print JSON only');
}

function raw(opts: EntryFlags): RawPainFields {
  return {
    date: opts.date,
    time: opts.time,
    side: opts.side,
    regions: opts.region,
    during: opts.during,
    after: opts.after,
    morning: opts.morning,
    swelling: opts.swelling,
    onset: opts.onset,
    run: opts.run,
    note: opts.note,
  };
}

/** What a run looks like in the journal: its day and distance in the runner's units, never its id. */
export type RunLabel = (activityId: string) => string;

function entryLine(e: PainEntry, runLabel: RunLabel): string {
  const scores = [
    e.painDuring === null ? null : `during ${e.painDuring}`,
    e.painAfter === null ? null : `after ${e.painAfter}`,
    e.painNextMorning === null ? null : `morning ${e.painNextMorning}`,
  ].filter((x) => x !== null);
  const where = [e.side, e.regions.join('+') || null].filter((x) => x !== null).join(' ');
  return (
    `${e.localDate}  ${scores.join(', ').padEnd(30)} ${where}` +
    `${e.swelling && e.swelling !== 'none' ? `, ${e.swelling} swelling` : ''}${e.onset ? `, ${e.onset}` : ''}` +
    `${e.activityId ? `  run of ${runLabel(e.activityId)}` : ''}${e.note ? `  "${e.note}"` : ''}  [${e.id}]`
  );
}

/** Labels for the runs entries belong to ("2025-06-12, 8.4 km"), read once per command. */
async function runLabels(
  db: Kysely<Database>,
  athleteId: string,
  units: DistanceUnits,
  ids: readonly (string | null)[],
): Promise<RunLabel> {
  const wanted = new Set(ids.filter((id): id is string => id !== null));
  const labels = new Map<string, string>();
  if (wanted.size > 0) {
    for (const row of await new ActivityRepository(db).list(athleteId)) {
      if (wanted.has(row.id))
        labels.set(row.id, `${row.local_date}, ${formatDistance(row.distance_m, units)}`);
    }
  }
  return (id) => labels.get(id) ?? 'a deleted run';
}

/** `pain log` needs a score, and a day that has happened: a clear error before anything is stored. */
function checkNewEntry(opts: EntryFlags, date: string, today: string): void {
  if (opts.during === undefined && opts.after === undefined && opts.morning === undefined) {
    throw new KneewiseError(
      JOURNAL_CODES.PAIN_INVALID,
      'pain log: give at least one pain score from 0 (none) to 10 (worst): --during N, --after N or --morning N',
      'input',
    );
  }
  if (date > today) {
    throw new KneewiseError(
      JOURNAL_CODES.PAIN_INVALID,
      `--date: ${date} is in the future (today is ${today}); log pain for today or an earlier day`,
      'input',
    );
  }
}

export function registerPainCommand(program: Command, ctx: AppContext): void {
  const pain = program.command('pain').description('Pain journal: log how the knee feels around your runs');

  entryOptions(
    pain.command('log').description("Log a pain entry (tied to that day's run unless --run says otherwise)"),
  ).action(async (opts: EntryFlags) => {
    await ctx.withStore(async (store, athlete) => {
      const today = todayIn(ctx.now(), athlete.settings.timeZone ?? systemTimeZone());
      const date = opts.date === undefined ? today : parseLocalDate(opts.date, '--date');
      checkNewEntry(opts, date, today);
      const entry = await new JournalService(store.db, athlete, ctx.now).log({ ...raw(opts), date });
      if (opts.json) return printJson(ctx.io, { entry });
      const label = await runLabels(store.db, athlete.id, athlete.settings.units, [entry.activityId]);
      ctx.io.stdout.write(`Logged: ${entryLine(entry, label)}\n`);
    });
  });

  pain
    .command('list')
    .description('Journal entries and the episodes they form')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'print JSON only')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const range = {
        ...(opts.from ? { from: parseLocalDate(opts.from, '--from') } : {}),
        ...(opts.to ? { to: parseLocalDate(opts.to, '--to') } : {}),
      };
      await ctx.withStore(async (store, athlete) => {
        const result = await new JournalService(store.db, athlete, ctx.now).list(range);
        if (opts.json) return printJson(ctx.io, result);
        if (result.entries.length === 0) {
          ctx.io.stdout.write(
            'No entries. Log one with: kneewise pain log --after 3 --side left --region lateral\n',
          );
          return;
        }
        const label = await runLabels(
          store.db,
          athlete.id,
          athlete.settings.units,
          result.entries.map((e) => e.activityId),
        );
        for (const e of result.entries) ctx.io.stdout.write(`${entryLine(e, label)}\n`);
        ctx.io.stdout.write('\nEpisodes:\n');
        for (const ep of result.episodes) {
          ctx.io.stdout.write(
            `  ${ep.onset} – ${ep.lastDate}: ${ep.entryIds.length} ${ep.entryIds.length === 1 ? 'entry' : 'entries'}, peak ${ep.peakPain}/10` +
              `${ep.onsetType ? `, ${ep.onsetType} onset` : ''}\n`,
          );
        }
      });
    });

  entryOptions(pain.command('edit <id>').description('Change fields of an entry')).action(
    async (id: string, opts: EntryFlags) => {
      await ctx.withStore(async (store, athlete) => {
        const entry = await new JournalService(store.db, athlete, ctx.now).edit(id, raw(opts));
        if (opts.json) return printJson(ctx.io, { entry });
        const label = await runLabels(store.db, athlete.id, athlete.settings.units, [entry.activityId]);
        ctx.io.stdout.write(`Updated: ${entryLine(entry, label)}\n`);
      });
    },
  );

  pain
    .command('delete <id>')
    .description('Delete an entry')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const result = await new JournalService(store.db, athlete, ctx.now).delete(id);
        if (opts.json) return printJson(ctx.io, result);
        const label = await runLabels(store.db, athlete.id, athlete.settings.units, [
          result.deleted.activityId,
        ]);
        ctx.io.stdout.write(`Deleted: ${entryLine(result.deleted, label)}\n`);
      });
    });
}
