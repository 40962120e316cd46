import type { Command } from 'commander';
import type { PainEntry, RawPainFields } from '../../domain/journal/pain-entry.ts';
import { parseLocalDate } from '../../domain/journal/pain-entry.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { systemTimeZone } from '../../services/import/time-zone.ts';
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

function entryLine(e: PainEntry): string {
  const scores = [
    e.painDuring === null ? null : `during ${e.painDuring}`,
    e.painAfter === null ? null : `after ${e.painAfter}`,
    e.painNextMorning === null ? null : `morning ${e.painNextMorning}`,
  ].filter((x) => x !== null);
  const where = [e.side, e.regions.join('+') || null].filter((x) => x !== null).join(' ');
  return (
    `${e.localDate}  ${scores.join(', ').padEnd(30)} ${where}` +
    `${e.swelling && e.swelling !== 'none' ? `, ${e.swelling} swelling` : ''}${e.onset ? `, ${e.onset}` : ''}` +
    `${e.activityId ? `  run ${e.activityId}` : ''}${e.note ? `  "${e.note}"` : ''}  [${e.id}]`
  );
}

export function registerPainCommand(program: Command, ctx: AppContext): void {
  const pain = program.command('pain').description('Pain journal: log how the knee feels around your runs');

  entryOptions(
    pain.command('log').description("Log a pain entry (tied to that day's run unless --run says otherwise)"),
  ).action(async (opts: EntryFlags) => {
    await ctx.withStore(async (store, athlete) => {
      const date = opts.date ?? todayIn(ctx.now(), athlete.settings.timeZone ?? systemTimeZone());
      const entry = await new JournalService(store.db, athlete, ctx.now).log({ ...raw(opts), date });
      if (opts.json) return printJson(ctx.io, { entry });
      ctx.io.stdout.write(`Logged: ${entryLine(entry)}\n`);
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
        for (const e of result.entries) ctx.io.stdout.write(`${entryLine(e)}\n`);
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
        ctx.io.stdout.write(`Updated: ${entryLine(entry)}\n`);
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
        ctx.io.stdout.write(`Deleted: ${entryLine(result.deleted)}\n`);
      });
    });
}
