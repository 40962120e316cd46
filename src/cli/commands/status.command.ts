import type { Command } from 'commander';
import { resolveAsOf } from '../../services/load.service.ts';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import { statusJson } from '../../services/status-json.ts';
import { StoredLoadReports } from '../../services/stored-load-reports.ts';
import { TodayService } from '../../services/today.service.ts';
import type { AppContext } from '../app-context.ts';
import { builtCodeId } from '../build-id.ts';
import { printJson } from '../output.ts';
import { nextRunLeadLine } from './next-run.line.ts';
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
        const units = opts.units ?? athlete.settings.units;
        const today = resolveAsOf(undefined, ctx.now(), athlete);
        // The built command keeps the load report in the database until the next write, so a second status
        // reads it instead of running the engine over the whole history again.
        const codeId = builtCodeId();
        const cache = new LoadReportCache(1, codeId === null ? null : new StoredLoadReports(codeId));
        // What sets the next run, as on Today (pain or a return-to-run lead, the ceiling is then context),
        // from the same load report as the summary, computed once.
        const { report, nextRun } = await new TodayService(store.db, athlete, ctx.now, cache).nextRun(asOf);
        const status = statusJson(report, { units, today, nextRun });
        // The JSON stays the status document Today embeds, so the two never differ.
        if (opts.json) return printJson(ctx.io, status);
        const lead = nextRunLeadLine(nextRun, units);
        ctx.io.stdout.write(`${lead === null ? '' : `${lead}\n`}${status.summary}\n`);
      });
    });
}
