import { type Command, Option } from 'commander';
import { listActivities } from '../../services/activity-list.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

export function registerActivitiesCommand(program: Command, ctx: AppContext): void {
  program
    .command('activities')
    .description('List imported activities')
    .addOption(
      new Option('--sport <sport>', 'running sports only, or everything')
        .choices(['run', 'all'])
        .default('all'),
    )
    .option('--json', 'print JSON only')
    .action(async (opts: { sport: 'run' | 'all'; json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const { activities } = await listActivities(store.db, athlete.id, { sport: opts.sport });
        if (opts.json) return printJson(ctx.io, { activities });
        if (activities.length === 0) {
          ctx.io.stdout.write('No activities yet. Import some with: kneewise import PATH\n');
          return;
        }
        for (const a of activities) {
          const km = (a.distanceM / 1000).toFixed(2).padStart(7);
          const min = Math.round(a.movingTimeS / 60)
            .toString()
            .padStart(4);
          ctx.io.stdout.write(
            `${a.localDate}  ${a.sport.padEnd(13)} ${km} km ${min} min  ${a.name ?? a.source}\n`,
          );
        }
        ctx.io.stdout.write(`${activities.length} activities\n`);
      });
    });
}
