import type { Command } from 'commander';
import { countOf, formatChangePct, formatDistance } from '../../domain/units.ts';
import { computeLoad, resolveAsOf } from '../../services/load.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';
import { unitsOption } from './units.option.ts';

/** The weeks the text lists; the runs listed below them are the ones inside these weeks. */
const RECENT_WEEKS = 8;

/** Spike sizes in words (the JSON keeps the category keys). */
const SPIKE_WORDS: Readonly<Record<string, string>> = {
  small: 'small spike',
  moderate: 'moderate spike',
  large: 'large spike',
};

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
        const recentWeeks = report.weeks.slice(-RECENT_WEEKS);
        for (const w of recentWeeks) {
          const change = w.changePct === null ? '' : ` (${formatChangePct(w.changePct)})`;
          out.write(
            `  week of ${w.weekStart}: ${formatDistance(w.distanceM, units)} in ${countOf(w.runs, 'run')}${change}\n`,
          );
        }
        // "Recent" means the weeks listed above, not the whole history.
        const since = recentWeeks[0]?.weekStart ?? report.asOf;
        const risky = report.runs.filter((r) => r.spikeCategory !== 'none' && r.localDate >= since);
        out.write(
          `\nRuns since ${since} more than 10 % longer than the longest of their 30 days before (Frandsen et al., BJSM 2025):\n`,
        );
        if (risky.length === 0) out.write('  none\n');
        for (const r of risky) {
          const detail =
            r.spikeCategory === 'no-baseline'
              ? 'first run after 30 days without one, nothing to compare with'
              : `${SPIKE_WORDS[r.spikeCategory] ?? r.spikeCategory}: ${Math.round(r.spikePct ?? 0)} % longer than ${formatDistance(r.longestPrev30dM ?? 0, units)}`;
          out.write(`  ${r.localDate}  ${formatDistance(r.distanceM, units)}: ${detail}\n`);
        }
        out.write(
          report.nextRunCeilingM === null
            ? '\nNo runs in the last 30 days: start short and build up.\n'
            : `\nNext-run ceiling: ${formatDistance(report.nextRunCeilingM, units, { roundDown: true })}\n`,
        );
      });
    });
}
