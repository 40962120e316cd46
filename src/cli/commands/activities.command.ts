import { type Command, Option } from 'commander';
import { ActivityRepository, type ActivityRow } from '../../db/repositories/activity.repository.ts';
import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import { RUNNING_SPORTS } from '../../domain/activity/sport.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

/** The `activities` JSON of ../shared/spec/cli.md, plus a few added fields. */
export function toActivityJson(row: ActivityRow, shoeNames: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    start: row.start_at,
    localDate: row.local_date,
    sport: row.sport,
    distanceM: round(row.distance_m, 1),
    movingTimeS: round(row.moving_time_s, 1),
    elapsedTimeS: round(row.elapsed_time_s, 1),
    ascentM: row.ascent_m === null ? null : round(row.ascent_m, 1),
    descentM: row.descent_m === null ? null : round(row.descent_m, 1),
    avgHeartRate: row.avg_heart_rate === null ? null : round(row.avg_heart_rate, 1),
    avgCadenceSpm: row.avg_cadence_spm === null ? null : round(row.avg_cadence_spm, 1),
    shoe: row.shoe_id ? (shoeNames.get(row.shoe_id) ?? null) : null,
    source: row.source,
    name: row.name,
    device: row.device,
    avgStrideM: row.avg_stride_m === null ? null : round(row.avg_stride_m, 3),
    downhillDistanceM: row.downhill_distance_m === null ? null : round(row.downhill_distance_m, 1),
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

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
        const rows = await new ActivityRepository(store.db).list(
          athlete.id,
          opts.sport === 'run' ? { sports: [...RUNNING_SPORTS] } : {},
        );
        const shoes = new Map(
          (await new ShoeRepository(store.db).list(athlete.id)).map((s) => [s.id, s.name]),
        );
        const activities = rows.map((r) => toActivityJson(r, shoes));
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
