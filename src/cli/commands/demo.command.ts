/**
 * `kneewise demo [--json]` adds the demo runner (two years of running, a spike, a knee-pain episode) to try
 * kneewise without an export; `kneewise demo --remove` deletes it again. Running it twice adds nothing.
 */
import type { Command } from 'commander';
import type { DistanceUnits } from '../../domain/units.ts';
import { formatDistance } from '../../domain/units.ts';
import { todayIn } from '../../services/activity-history.service.ts';
import { type DemoRemoval, DemoService, type DemoSummary } from '../../services/demo.service.ts';
import { systemTimeZone } from '../../services/import/zone-offset.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

const REMOVE_HINT = 'Remove it any time with: kneewise demo --remove (your own data stays).';

export function registerDemoCommand(program: Command, ctx: AppContext): void {
  program
    .command('demo')
    .description('Add a demo runner (marked as demo, removable) to try kneewise without your own data')
    .option('--remove', 'remove the demo data again (your own data stays)')
    .option('--json', 'print JSON only')
    .action(async (opts: { remove?: boolean; json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const demo = new DemoService(store.db, athlete, ctx.now);
        if (opts.remove) {
          const removal = await demo.remove();
          if (opts.json) return printJson(ctx.io, removal);
          ctx.io.stdout.write(removalText(removal));
          return;
        }
        const today = todayIn(ctx.now(), athlete.settings.timeZone ?? systemTimeZone());
        const summary = await demo.seed(today);
        if (opts.json) return printJson(ctx.io, summary);
        ctx.io.stdout.write(seedText(summary, athlete.settings.units));
      });
    });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function counts(c: DemoSummary | DemoRemoval['removed']): string {
  return (
    `${plural(c.activities, 'activity', 'activities')}, ${plural(c.shoes, 'pair', 'pairs')} of shoes, ` +
    `${plural(c.painEntries, 'pain journal entry', 'pain journal entries')}, ` +
    `${plural(c.assessments, 'assessment', 'assessments')} and ` +
    `${plural(c.programmeSessions, 'strength session', 'strength sessions')}`
  );
}

export function seedText(s: DemoSummary, units: DistanceUnits): string {
  const lines: string[] = [];
  const range = s.from !== null && s.to !== null ? ` from ${s.from} to ${s.to}` : '';
  lines.push(
    s.seeded
      ? `Added the demo runner: ${counts(s)}${range}.`
      : `The demo runner is already here (${counts(s)}${range}); nothing was added.`,
  );
  if (s.spike !== null) {
    lines.push(
      `Their story: on ${s.spike.date} they ran ${formatDistance(s.spike.distanceM, units)}, ` +
        `${Math.round(s.spike.spikePct)} % longer than their longest run of the 30 days before ` +
        `(${formatDistance(s.spike.longestPrev30dM, units)}).`,
    );
  }
  if (s.onset !== null) lines.push(`The front of their right knee started hurting on ${s.onset}.`);
  lines.push(
    'This is demo data, not yours: try kneewise status, kneewise why, kneewise plan --weeks 4 or kneewise serve.',
  );
  lines.push(REMOVE_HINT);
  return `${lines.join('\n')}\n`;
}

export function removalText({ removed }: DemoRemoval): string {
  const total = Object.values(removed).reduce((a, b) => a + b, 0);
  if (total === 0) return 'There was no demo data to remove.\n';
  return `Removed the demo data: ${counts(removed)}. Your own data was not touched.\n`;
}
