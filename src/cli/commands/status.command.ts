import type { Command } from 'commander';
import { computeLoad, resolveAsOf } from '../../services/load.service.ts';
import { statusJson } from '../../services/status-json.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';
import { unitsOption } from './units.option.ts';

export function registerStatusCommand(program: Command, ctx: AppContext): void {
  program
    .command('status')
    .description("Today's state in a few lines: the next-run ceiling and the flags of the last weeks")
    .option('--as-of <date>', 'the day to report on, YYYY-MM-DD (default: today)')
    .addOption(unitsOption())
    .option('--json', 'print JSON only')
    .action(async (opts: { asOf?: string; units?: 'km' | 'mi'; json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const asOf = resolveAsOf(opts.asOf, ctx.now(), athlete);
        const report = await computeLoad(store.db, athlete, asOf);
        const units = opts.units ?? athlete.settings.units;
        const status = statusJson(report, { units, today: resolveAsOf(undefined, ctx.now(), athlete) });
        if (opts.json) return printJson(ctx.io, status);
        ctx.io.stdout.write(`${status.summary}\n`);
      });
    });
}
