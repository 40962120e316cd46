import { type Command, Option } from 'commander';
import { type DistanceUnits, metresToUnits } from '../../domain/units.ts';
import { type ActivityJson, listActivities } from '../../services/activity-list.service.ts';
import { ActivityManagementService } from '../../services/activity-management.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

/** `kneewise activities [delete|exclude|include ID]`: the imported activities. Translation only. */
export function registerActivitiesCommand(program: Command, ctx: AppContext): void {
  const activities = program
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
          const shown = metresToUnits(a.distanceM, athlete.settings.units).toFixed(2).padStart(7);
          const min = Math.round(a.movingTimeS / 60)
            .toString()
            .padStart(4);
          ctx.io.stdout.write(
            `${a.localDate}  ${a.sport.padEnd(13)} ${shown} ${athlete.settings.units} ${min} min  ${a.name ?? a.source}${IGNORED_LABEL[a.ignoredBecause ?? 'none']}  [${a.id}]\n`,
          );
        }
        ctx.io.stdout.write(`${activities.length} activities\n`);
      });
    });
  registerManagement(activities, ctx);
}

const IGNORED_LABEL: Record<NonNullable<ActivityJson['ignoredBecause']> | 'none', string> = {
  none: '',
  excluded: '  (excluded from analysis)',
  date: '  (its date cannot be right: left out of analysis; delete it)',
};

function registerManagement(activities: Command, ctx: AppContext): void {
  const one = (a: ActivityJson, units: DistanceUnits) =>
    `${a.localDate} ${a.sport} ${metresToUnits(a.distanceM, units).toFixed(2)} ${units} (${a.name ?? a.source})`;
  activities
    .command('delete <id>')
    .description('Delete one activity (importing its file again brings it back)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      await ctx.withStore(async (store, athlete) => {
        const result = await new ActivityManagementService(store.db, athlete.id).delete(id);
        if (opts.json) return printJson(ctx.io, result);
        ctx.io.stdout.write(`Deleted: ${one(result.deleted, athlete.settings.units)}\n`);
      });
    });
  for (const [name, excluded, description] of [
    ['exclude', true, 'Leave one activity out of load, why and plans (it stays listed)'],
    ['include', false, 'Count an excluded activity again'],
  ] as const) {
    activities
      .command(`${name} <id>`)
      .description(description)
      .option('--json', 'print JSON only')
      .action(async (id: string, opts: { json?: boolean }) => {
        await ctx.withStore(async (store, athlete) => {
          const result = await new ActivityManagementService(store.db, athlete.id).setExcluded(id, excluded);
          if (opts.json) return printJson(ctx.io, result);
          ctx.io.stdout.write(
            `${excluded ? 'Excluded from analysis' : 'Counted again'}: ${one(result.activity, athlete.settings.units)}\n`,
          );
        });
      });
  }
}
