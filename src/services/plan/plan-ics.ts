/**
 * A plan as an iCalendar file, shared by `kneewise plan --ics FILE` and GET /api/plan.ics so both write the
 * same calendar for the same plan.
 */
import { writeIcs } from '../../domain/plans/ics.writer.ts';
import type { Plan } from '../../domain/plans/plan-generator.ts';

export function planToIcs(plan: Plan, createdAt: string): string {
  return writeIcs(
    plan.weeks.flatMap((wk) => wk.sessions),
    {
      createdAt,
      planId: `${plan.start}-${plan.weeks.length}w`,
      calendarName: `kneewise: ${plan.programme.name}`,
      units: plan.units,
    },
  );
}
