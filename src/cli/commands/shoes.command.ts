import type { Command } from 'commander';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { Athlete } from '../../db/repositories/athlete.repository.ts';
import type { Sport } from '../../domain/activity/sport.ts';
import { readableSource } from '../../domain/citation.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { shoeThresholdsOf } from '../../domain/settings.ts';
import {
  parseDistanceInUnits,
  parseShoeDate,
  parseShoeName,
  parseSport,
  SHOE_CODES,
} from '../../domain/shoes/shoe-input.ts';
import {
  DEFAULT_SHOE_THRESHOLDS,
  type ShoeThresholds,
  validThresholds,
} from '../../domain/shoes/shoe-thresholds.ts';
import { formatDistance, inRunnerUnits } from '../../domain/units.ts';
import { ShoeService, type ShoeView } from '../../services/shoe.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

/**
 * `kneewise shoes …`: translation only. Distances typed by the runner are in km (`--start-km`) or miles
 * (`--start-mi`); JSON is always metres.
 */
interface ThresholdFlags {
  nudgeKm?: string;
  checkKm?: string;
}

/**
 * The reminder distances for this command: the runner's stored ones (kneewise settings --shoe-nudge-km …),
 * each replaced by its flag when given. The flags are read before the database is opened, so a bad value
 * fails fast.
 */
function thresholdOverrides(opts: ThresholdFlags): Partial<ShoeThresholds> {
  return {
    ...(opts.nudgeKm === undefined ? {} : { nudgeM: parseDistanceInUnits(opts.nudgeKm, 'km', '--nudge-km') }),
    ...(opts.checkKm === undefined ? {} : { checkM: parseDistanceInUnits(opts.checkKm, 'km', '--check-km') }),
  };
}

function thresholdsFor(athlete: Athlete, overrides: Partial<ShoeThresholds>): ShoeThresholds {
  const t = { ...shoeThresholdsOf(athlete.settings), ...overrides };
  if (!validThresholds(t)) {
    throw new KneewiseError(
      SHOE_CODES.SHOE_INVALID,
      '--nudge-km/--check-km: expected 0 < nudge ≤ check',
      'input',
    );
  }
  return t;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** "1 run", "2 runs". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Sports in the runner's words, for "default for …". */
const SPORT_WORDS: Record<string, string> = {
  run: 'runs',
  trail_run: 'trail runs',
  treadmill_run: 'treadmill runs',
  track_run: 'track runs',
  walk: 'walks',
  hike: 'hikes',
};

function sportWords(sports: readonly string[]): string {
  return sports.map((s) => SPORT_WORDS[s] ?? s).join(', ');
}

function shoeLine(s: ShoeView, units: 'km' | 'mi'): string {
  const flags = [
    s.retiredAt ? `retired ${s.retiredAt}` : null,
    s.defaultFor.length > 0 ? `default for ${sportWords(s.defaultFor)}` : null,
  ].filter((x) => x !== null);
  const brand = [s.brand, s.model].filter((x) => x !== null).join(' ');
  return (
    `${s.name.padEnd(24)} ${formatDistance(s.distanceM, units).padStart(10)}  ${count(s.runs, 'run').padStart(9)}` +
    `${brand ? `  ${brand}` : ''}${flags.length > 0 ? `  (${flags.join('; ')})` : ''}`
  );
}

export function registerShoesCommand(program: Command, ctx: AppContext): void {
  const shoes = program.command('shoes').description('Your running shoes: distance, reminders, rotation');

  const run = <T>(
    overrides: Partial<ShoeThresholds>,
    fn: (service: ShoeService, athlete: Athlete, store: DatabaseHandle) => Promise<T>,
  ): Promise<T> =>
    ctx.withStore((store, athlete) =>
      fn(new ShoeService(store.db, athlete, ctx.now, thresholdsFor(athlete, overrides)), athlete, store),
    );

  const printShoe = (
    json: boolean | undefined,
    units: 'km' | 'mi',
    view: ShoeView,
    extra: Record<string, unknown> = {},
    text?: string,
  ) => {
    if (json) return printJson(ctx.io, { shoe: view, ...extra });
    ctx.io.stdout.write(`${text ? `${text}\n` : ''}${shoeLine(view, units)}\n`);
    if (view.alert) ctx.io.stdout.write(`  ${view.alert}\n`);
  };

  shoes
    .command('add <name>')
    .description('Add a pair of shoes')
    .option('--brand <brand>')
    .option('--model <model>')
    .option('--start-km <km>', 'distance already on the shoes (second-hand or older pair), km')
    .option('--start-mi <mi>', 'the same in miles')
    .option(
      '--default-for <sport>',
      'make it the default for a sport (repeatable): run, trail_run, …',
      collect,
    )
    .option('--json', 'print JSON only')
    .action(
      async (
        name: string,
        opts: {
          brand?: string;
          model?: string;
          startKm?: string;
          startMi?: string;
          defaultFor?: string[];
          json?: boolean;
        },
      ) => {
        const startDistanceM =
          opts.startKm !== undefined
            ? parseDistanceInUnits(opts.startKm, 'km', '--start-km')
            : opts.startMi !== undefined
              ? parseDistanceInUnits(opts.startMi, 'mi', '--start-mi')
              : 0;
        const defaultFor: Sport[] = (opts.defaultFor ?? []).map((s) => parseSport(s, '--default-for'));
        await run({}, async (service, athlete) => {
          const view = await service.add({
            name: parseShoeName(name),
            brand: opts.brand ?? null,
            model: opts.model ?? null,
            startDistanceM,
            defaultFor,
          });
          printShoe(opts.json, athlete.settings.units, view, {}, 'Added:');
        });
      },
    );

  shoes
    .command('list')
    .description('Shoes with their distance, reminders and rotation')
    .option('--active', 'leave retired shoes out')
    .option(
      '--nudge-km <km>',
      `first reminder (default: your setting, else ${DEFAULT_SHOE_THRESHOLDS.nudgeM / 1000} km = 300 mi)`,
    )
    .option(
      '--check-km <km>',
      `"check them" (default: your setting, else ${DEFAULT_SHOE_THRESHOLDS.checkM / 1000} km = 500 mi)`,
    )
    .option('--json', 'print JSON only')
    .action(async (opts: ThresholdFlags & { active?: boolean; json?: boolean }) => {
      await run(thresholdOverrides(opts), async (service, athlete) => {
        const list = await service.list({ includeRetired: !opts.active });
        if (opts.json) return printJson(ctx.io, list);
        const units = athlete.settings.units;
        if (list.shoes.length === 0) {
          ctx.io.stdout.write('No shoes yet. Add one with: kneewise shoes add NAME --start-km 0\n');
          return;
        }
        for (const s of list.shoes) ctx.io.stdout.write(`${shoeLine(s, units)}\n`);
        const alerts = list.shoes.map((s) => s.alert).filter((a) => a !== null);
        if (alerts.length > 0) ctx.io.stdout.write(`\n${alerts.join('\n')}\n`);
        const r = list.rotation;
        ctx.io.stdout.write(
          `\nRotation ${r.from} – ${r.to}: ${count(r.runs, 'run')}, ${r.runsWithShoe} with shoes, ` +
            `${count(r.shoesUsed, 'pair')} used` +
            `${r.rotating ? ' (you rotate pairs)' : ''}.\n`,
        );
        ctx.io.stdout.write(
          `\n${inRunnerUnits(list.evidence.text, athlete.settings.units)}\nSource: ${readableSource(list.evidence.source)}\n`,
        );
      });
    });

  shoes
    .command('rename <name> <newName>')
    .description('Rename a pair')
    .option('--json', 'print JSON only')
    .action(async (name: string, newName: string, opts: { json?: boolean }) => {
      await run({}, async (service, athlete) => {
        printShoe(
          opts.json,
          athlete.settings.units,
          await service.rename(name, parseShoeName(newName, 'NEW_NAME')),
          {},
          'Renamed:',
        );
      });
    });

  shoes
    .command('retire <name>')
    .description('Retire a pair (its runs keep it); --undo brings it back')
    .option('--date <date>', 'retirement date, YYYY-MM-DD (default today)')
    .option('--undo', 'un-retire')
    .option('--json', 'print JSON only')
    .action(async (name: string, opts: { date?: string; undo?: boolean; json?: boolean }) => {
      const date = opts.undo
        ? null
        : opts.date === undefined
          ? undefined
          : parseShoeDate(opts.date, '--date');
      await run({}, async (service, athlete) => {
        printShoe(
          opts.json,
          athlete.settings.units,
          await service.retire(name, date),
          {},
          opts.undo ? 'Back in use:' : 'Retired:',
        );
      });
    });

  shoes
    .command('default <name>')
    .description('Make a pair the default for a sport')
    .requiredOption('--sport <sport>', 'run, trail_run, treadmill_run, track_run, walk, …')
    .option('--apply-from <date>', 'also give it to runs of that sport without shoes from this date on')
    .option('--json', 'print JSON only')
    .action(async (name: string, opts: { sport: string; applyFrom?: string; json?: boolean }) => {
      const sport = parseSport(opts.sport);
      const applyFrom =
        opts.applyFrom === undefined ? undefined : parseShoeDate(opts.applyFrom, '--apply-from');
      await run({}, async (service, athlete) => {
        const { assigned, ...view } = await service.setDefault(
          name,
          sport,
          applyFrom === undefined ? {} : { applyFrom },
        );
        printShoe(
          opts.json,
          athlete.settings.units,
          view,
          { assigned },
          `Default for ${sportWords([sport])}; ${count(assigned, 'run')} assigned:`,
        );
      });
    });

  shoes
    .command('assign <name>')
    .description('Assign a pair to runs: by id, or every run without shoes in a date range')
    .option('--run <id>', 'activity id (repeatable)', collect)
    .option('--from <date>', 'first local date, YYYY-MM-DD')
    .option('--to <date>', 'last local date, YYYY-MM-DD')
    .option('--sport <sport>', 'only this sport (default: all running sports)')
    .option('--replace', 'also re-assign runs that already have shoes (date ranges)')
    .option('--json', 'print JSON only')
    .action(
      async (
        name: string,
        opts: {
          run?: string[];
          from?: string;
          to?: string;
          sport?: string;
          replace?: boolean;
          json?: boolean;
        },
      ) => {
        const input = {
          ...(opts.run ? { runIds: opts.run } : {}),
          ...(opts.from ? { from: parseShoeDate(opts.from, '--from') } : {}),
          ...(opts.to ? { to: parseShoeDate(opts.to, '--to') } : {}),
          ...(opts.sport ? { sport: parseSport(opts.sport) } : {}),
          ...(opts.replace ? { onlyUnassigned: false } : {}),
        };
        await run({}, async (service, athlete) => {
          const { shoe, assigned } = await service.assign(name, input);
          printShoe(
            opts.json,
            athlete.settings.units,
            shoe,
            { assigned },
            `${count(assigned, 'run')} assigned:`,
          );
        });
      },
    );

  shoes
    .command('unassign')
    .description('Take the shoes off runs')
    .requiredOption('--run <id>', 'activity id (repeatable)', collect)
    .option('--json', 'print JSON only')
    .action(async (opts: { run: string[]; json?: boolean }) => {
      await run({}, async (service) => {
        const unassigned = await service.unassign(opts.run);
        if (opts.json) return printJson(ctx.io, { unassigned });
        ctx.io.stdout.write(
          `${unassigned === 1 ? '1 run now has' : `${unassigned} runs now have`} no shoes.\n`,
        );
      });
    });

  shoes
    .command('delete <name>')
    .description('Delete a pair; its runs are kept, without shoes')
    .option('--json', 'print JSON only')
    .action(async (name: string, opts: { json?: boolean }) => {
      await run({}, async (service) => {
        const { deleted } = await service.delete(name);
        if (opts.json) return printJson(ctx.io, { deleted });
        ctx.io.stdout.write(
          `Deleted "${deleted.name}"; its ${count(deleted.runs, 'run')} ${deleted.runs === 1 ? 'is' : 'are'} kept without shoes.\n`,
        );
      });
    });
}
