import type { Command } from 'commander';
import { formatDistance } from '../../domain/units.ts';
import { computeLoad, resolveAsOf } from '../../services/load.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';
import { unitsOption } from './units.option.ts';

export function registerLoadCommand(program: Command, ctx: AppContext): void {
  program
    .command('load')
    .description(
      'Per-run spikes against your longest run of the last 30 days, weekly totals and the next-run ceiling',
    )
    .option('--as-of <date>', 'the day to compute for, YYYY-MM-DD (default: today)')
    .addOption(unitsOption())
    .option('--json', 'print JSON only')
    .action(async (opts: { asOf?: string; units?: 'km' | 'mi'; json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const asOf = resolveAsOf(opts.asOf, ctx.now(), athlete);
        const report = await computeLoad(store.db, athlete, asOf);
        if (opts.json) return printJson(ctx.io, report);
        const units = opts.units ?? athlete.settings.units;
        const out = ctx.io.stdout;
        if (report.message) out.write(`${report.message}\n`);
        out.write(`Training load as of ${report.asOf}\n\n`);
        out.write('Recent weeks:\n');
        for (const w of report.weeks.slice(-8)) {
          const change =
            w.changePct === null ? '' : ` (${w.changePct > 0 ? '+' : ''}${Math.round(w.changePct)} %)`;
          out.write(
            `  week of ${w.weekStart}: ${formatDistance(w.distanceM, units)} in ${w.runs} runs${change}\n`,
          );
        }
        const risky = report.runs.filter((r) => r.spikeCategory !== 'none').slice(-10);
        out.write('\nRecent runs longer than 110 % of the 30-day longest (Frandsen et al., BJSM 2025):\n');
        if (risky.length === 0) out.write('  none\n');
        for (const r of risky) {
          const detail =
            r.spikeCategory === 'no-baseline'
              ? 'no run in the 30 days before it'
              : `${Math.round(r.spikePct ?? 0)} % longer than ${formatDistance(r.longestPrev30dM ?? 0, units)}`;
          out.write(
            `  ${r.localDate}  ${formatDistance(r.distanceM, units)}: ${r.spikeCategory} (${detail})\n`,
          );
        }
        out.write(
          report.nextRunCeilingM === null
            ? '\nNo runs in the last 30 days: start short and build up.\n'
            : `\nNext-run ceiling: ${formatDistance(report.nextRunCeilingM, units, { roundDown: true })}\n`,
        );
      });
    });
}
