import { type Command, Option } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import { isTimeZone } from '../../domain/settings.ts';
import type { SettingsPatch } from '../../domain/settings-patch.ts';
import { DEFAULT_SHOE_THRESHOLDS } from '../../domain/shoes/shoe-thresholds.ts';
import { SettingsService } from '../../services/settings.service.ts';
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
  if (isTimeZone(value)) return value;
  throw new KneewiseError(
    'BAD_SETTING',
    `--time-zone: expected an IANA zone like "Europe/Copenhagen", got "${value}"`,
  );
}

/** A shoe reminder distance typed in km, stored in metres. */
function shoeKm(name: string) {
  return (value: string): number => {
    const km = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(km) || km <= 0 || km > 10_000) {
      throw new KneewiseError(
        'BAD_SETTING',
        `${name}: expected a distance in km above 0 and up to 10000, got "${value}"`,
      );
    }
    return Math.round(km * 1000);
  };
}

interface SettingsFlags extends Omit<SettingsPatch, 'shoeNudgeM' | 'shoeCheckM'> {
  /** Already in metres (the flag's parser converts the km typed). */
  shoeNudgeKm?: number;
  shoeCheckKm?: number;
  json?: boolean;
}

export function registerSettingsCommand(program: Command, ctx: AppContext): void {
  program
    .command('settings')
    .description(
      'Show or change your settings (units, week start, heart-rate values, home time zone, shoe reminders)',
    )
    .addOption(new Option('--units <units>', 'distance units').choices(['km', 'mi']))
    .addOption(new Option('--week-start <day>', 'first day of the week').choices(['monday', 'sunday']))
    .addOption(
      new Option('--sex <sex>', 'used for heart-rate load constants').choices(['female', 'male', 'other']),
    )
    .option('--birth-year <year>', 'year of birth', intIn('--birth-year', 1900, 2100))
    .option('--resting-hr <bpm>', 'resting heart rate', intIn('--resting-hr', 25, 120))
    .option('--max-hr <bpm>', 'maximum heart rate', intIn('--max-hr', 100, 240))
    .option('--time-zone <zone>', 'home time zone for activities without one (IANA name)', timeZone)
    .option(
      '--shoe-nudge-km <km>',
      `first shoe reminder (default ${DEFAULT_SHOE_THRESHOLDS.nudgeM / 1000} km = 300 mi)`,
      shoeKm('--shoe-nudge-km'),
    )
    .option(
      '--shoe-check-km <km>',
      `"check your shoes" reminder (default ${DEFAULT_SHOE_THRESHOLDS.checkM / 1000} km = 500 mi)`,
      shoeKm('--shoe-check-km'),
    )
    .option('--json', 'print JSON only')
    .action(async (opts: SettingsFlags) => {
      await ctx.withStore(async (store, athlete) => {
        const { json, shoeNudgeKm, shoeCheckKm, ...rest } = opts;
        const changes: SettingsPatch = {
          ...rest,
          ...(shoeNudgeKm === undefined ? {} : { shoeNudgeM: shoeNudgeKm }),
          ...(shoeCheckKm === undefined ? {} : { shoeCheckM: shoeCheckKm }),
        };
        // Checked as a whole (max HR above resting HR, nudge ≤ check) before anything is stored.
        const settings =
          Object.keys(changes).length > 0
            ? await new SettingsService(store.db, athlete).update(changes, ctx.now())
            : athlete.settings;
        if (json) return printJson(ctx.io, settings);
        for (const [key, value] of Object.entries(settings))
          ctx.io.stdout.write(`${key}: ${value ?? '(not set)'}\n`);
      });
    });
}
