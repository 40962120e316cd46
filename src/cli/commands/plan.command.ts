import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import { formatPlanDistance } from '../../domain/plans/plan-distance.ts';
import type { Plan } from '../../domain/plans/plan-generator.ts';
import { type DistanceUnits, formatDistance } from '../../domain/units.ts';
import { planToIcs } from '../../services/plan/plan-ics.ts';
import { planToJson } from '../../services/plan/plan-json.ts';
import { localDateOf, MAX_PLAN_WEEKS, PlanService, parsePlanFlags } from '../../services/plan.service.ts';
import type { AppContext } from '../app-context.ts';
import { type Io, printJson } from '../output.ts';

interface PlanOptions {
  weeks?: string;
  goalKm?: string;
  goalMi?: string;
  goal?: string;
  start?: string;
  ics?: string;
  json?: boolean;
}

function printPlan(io: Io, plan: Plan, units: DistanceUnits): void {
  const w = (s: string) => io.stdout.write(`${s}\n`);
  const d = (m: number) => formatPlanDistance(m, units);
  // The picker's reason starts with the condition's id ("pfps is the most likely…"): say it in words.
  const reason = plan.programme.reason.startsWith(`${plan.programme.programmeId} `)
    ? `it is${plan.programme.reason.slice(plan.programme.programmeId.length + 3)}`
    : plan.programme.reason;
  w(`Programme: ${plan.programme.name} (${reason})`);
  if (plan.programme.warning) w(`Note: ${plan.programme.warning}`);
  w(
    plan.pain.trend === 'none'
      ? `Pain journal: ${plan.pain.reason}`
      : `Pain journal: ${plan.pain.headline.toLowerCase()} — ${plan.pain.reason}`,
  );
  if (plan.returnToRun) w(`Return to running: level ${plan.returnToRun.level} — ${plan.returnToRun.reason}`);
  if (plan.painRun)
    w(
      `The ${formatDistance(plan.painRun.distanceM, units)} run on ${plan.painRun.localDate}, when the pain began, is not counted as a distance your knee can take: the ceilings are measured without it.`,
    );
  for (const week of plan.weeks) {
    const tag = week.mode === 'return' ? ' (return to running)' : week.lighter ? ' (lighter week)' : '';
    const heading = week.partial ? `Rest of this week, from ${week.weekStart}` : `Week of ${week.weekStart}`;
    w(`\n${heading}${tag}: ${d(week.plannedRunM)} running`);
    for (const s of week.sessions) {
      const dist = s.distanceM !== null ? d(s.distanceM).padStart(8) : ''.padStart(8);
      // A walk-run session stops at its own distance; the ceiling is shown only for ordinary runs.
      const ceiling =
        s.ceilingM !== null && s.walkRunLevel === undefined ? ` (ceiling ${d(s.ceilingM)})` : '';
      w(`  ${s.date}  ${s.kind.padEnd(8)} ${dist}  ${s.title}${ceiling}`);
    }
  }
  w('\nRules this plan follows:');
  for (const r of plan.rules.slice(0, 3)) w(`  - ${r.text}`);
  w(
    'Education, not a diagnosis: see a professional if pain keeps building or the knee swells, locks or gives way.',
  );
}

export function registerPlanCommand(program: Command, ctx: AppContext): void {
  program
    .command('plan')
    .description('Plan the next weeks of running, cross-training and strength work')
    .option('--weeks <n>', `number of weeks, 1-${MAX_PLAN_WEEKS}`, '4')
    .option('--goal-km <km>', 'weekly running distance to build toward, in km')
    .option('--goal-mi <mi>', 'weekly running distance to build toward, in miles')
    .option('--goal <distance>', 'weekly goal with its unit, e.g. 40km or 25mi (a bare number: your units)')
    .option(
      '--start <date>',
      "first day, YYYY-MM-DD (default: today, or tomorrow once today's run is in); the rest of its week comes first",
    )
    .option('--ics <file>', 'also write the plan as an iCalendar file')
    .option('--json', 'print JSON only')
    .action(async (opts: PlanOptions) => {
      // Validate before touching the database so bad flags fail fast with exit 2.
      parsePlanFlags(opts, '2000-01-01');
      await ctx.withStore(async (store, athlete) => {
        const today = localDateOf(ctx.now(), athlete.settings.timeZone);
        const units = athlete.settings.units;
        // Parsed again with the runner's units: a bare "--goal 25" is in their units.
        const request = parsePlanFlags(opts, today, units);
        const { plan } = await new PlanService(store.db).plan(athlete.id, {
          ...request,
          units,
          weekStart: athlete.settings.weekStart,
        });
        if (opts.ics) {
          const text = planToIcs(plan, ctx.now().toISOString());
          try {
            await writeFile(opts.ics, text, 'utf8');
          } catch (error) {
            throw new KneewiseError(
              'PLAN_ICS_WRITE_FAILED',
              `Could not write --ics file "${opts.ics}": ${(error as Error).message}`,
              'input',
            );
          }
          if (!opts.json) ctx.io.stderr.write(`Wrote ${opts.ics}\n`);
        }
        if (opts.json) return printJson(ctx.io, planToJson(plan));
        printPlan(ctx.io, plan, units);
      });
    });
}
