import type { Command } from 'commander';
import { FACTOR_EVIDENCE } from '../../domain/causes/factor-catalog.ts';
import { readableSource } from '../../domain/citation.ts';
import { inRunnerUnits } from '../../domain/units.ts';
import { WhyService } from '../../services/why.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

/** `kneewise why [--onset YYYY-MM-DD]`: the JSON of ../shared/spec/cli.md plus added fields. */
export function registerWhyCommand(program: Command, ctx: AppContext): void {
  program
    .command('why')
    .description('What changed in your running before the knee started hurting')
    .option(
      '--onset <date>',
      'the day the pain began, YYYY-MM-DD (default: the latest episode in the journal)',
    )
    .option('--json', 'print JSON only')
    .action(async (opts: { onset?: string; json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const report = await new WhyService(store.db, athlete, ctx.now).explain(
          opts.onset === undefined ? {} : { onset: opts.onset },
        );
        if (opts.json) return printJson(ctx.io, report);
        const out = ctx.io.stdout;
        out.write(
          `Pain began ${report.onset}. What changed in the two weeks before, against your usual:\n\n`,
        );
        const present = report.factors.filter((f) => f.strength !== 'none');
        if (present.length === 0) out.write('No factor stands out in your data.\n\n');
        for (const f of present) {
          out.write(
            `[${f.strength}] ${FACTOR_EVIDENCE[f.id].label}\n  ${f.summary}\n  Advice: ${f.advice}\n`,
          );
          out.write(
            `  Evidence: ${inRunnerUnits(f.evidence, athlete.settings.units)}\n  Source: ${readableSource(f.source)}\n\n`,
          );
        }
        const absent = report.factors.filter((f) => f.strength === 'none');
        if (absent.length > 0) {
          out.write('Not found:\n');
          for (const f of absent) out.write(`  ${FACTOR_EVIDENCE[f.id].label}: ${f.summary}\n`);
          out.write('\n');
        }
        const shown = report.journal.correlations.filter((c) => c.shown);
        if (shown.length > 0) {
          out.write('From your journal:\n');
          for (const c of shown) out.write(`  ${c.text}\n`);
          out.write(`  ${report.journal.note}\n\n`);
        }
        out.write(`${report.notice}\n`);
      });
    });
}
