import { type Command, Option } from 'commander';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { KneewiseError } from '../../domain/errors.ts';
import type { RunnerSettings } from '../../domain/settings.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

function intIn(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new KneewiseError(
        'BAD_SETTING',
        `${name}: expected a whole number from ${min} to ${max}, got "${value}"`,
      );
    }
    return n;
  };
}

function timeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw new KneewiseError(
      'BAD_SETTING',
      `--time-zone: expected an IANA zone like "Europe/Copenhagen", got "${value}"`,
    );
  }
}

export function registerSettingsCommand(program: Command, ctx: AppContext): void {
  program
    .command('settings')
    .description('Show or change your settings (units, week start, heart-rate values, home time zone)')
    .addOption(new Option('--units <units>', 'distance units').choices(['km', 'mi']))
    .addOption(new Option('--week-start <day>', 'first day of the week').choices(['monday', 'sunday']))
    .addOption(
      new Option('--sex <sex>', 'used for heart-rate load constants').choices(['female', 'male', 'other']),
    )
    .option('--birth-year <year>', 'year of birth', intIn('--birth-year', 1900, 2100))
    .option('--resting-hr <bpm>', 'resting heart rate', intIn('--resting-hr', 25, 120))
    .option('--max-hr <bpm>', 'maximum heart rate', intIn('--max-hr', 100, 240))
    .option('--time-zone <zone>', 'home time zone for activities without one (IANA name)', timeZone)
    .option('--json', 'print JSON only')
    .action(async (opts: Partial<RunnerSettings> & { json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const { json, ...changes } = opts;
        const settings: RunnerSettings = { ...athlete.settings, ...changes };
        if (Object.keys(changes).length > 0)
          await new AthleteRepository(store.db).updateSettings(athlete.id, settings);
        if (json) return printJson(ctx.io, settings);
        for (const [key, value] of Object.entries(settings))
          ctx.io.stdout.write(`${key}: ${value ?? '(not set)'}\n`);
      });
    });
}
