/**
 * The `plan` JSON of ../shared/spec/cli.md (weeks[weekStart, sessions[date, kind, distanceM, ceilingM, note]]),
 * plus added fields: the programme and why it was picked, the pain status, the return-to-run state and the rules
 * with their sources.
 */
import type { Plan } from '../../domain/plans/plan-generator.ts';

export function planToJson(plan: Plan) {
  return {
    start: plan.start,
    programme: {
      id: plan.programme.programmeId,
      name: plan.programme.name,
      reason: plan.programme.reason,
      warning: plan.programme.warning,
    },
    pain: {
      signal: plan.pain.signal,
      trend: plan.pain.trend,
      headline: plan.pain.headline,
      reason: plan.pain.reason,
      source: plan.pain.source,
    },
    returnToRun: plan.returnToRun,
    painRun: plan.painRun,
    rules: plan.rules,
    weeks: plan.weeks.map((w) => ({
      weekStart: w.weekStart,
      // The rest of the current week (the plan opened on a day inside it): not a full week of running.
      partial: w.partial === true,
      mode: w.mode,
      lighter: w.lighter,
      plannedRunM: w.plannedRunM,
      sessions: w.sessions.map((s) => ({
        date: s.date,
        kind: s.kind,
        distanceM: s.distanceM,
        ceilingM: s.ceilingM,
        note: s.note,
        title: s.title,
        ...(s.exercises ? { exercises: s.exercises } : {}),
        ...(s.walkRunLevel !== undefined ? { walkRunLevel: s.walkRunLevel } : {}),
      })),
    })),
  };
}
