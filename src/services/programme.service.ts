/**
 * The rehab or prevention programme the runner follows (picked from the latest assessment, as the plan
 * does), where they stand in it, and logging a session of it. Logging the same phase of the same programme
 * again on the same day updates that session instead of adding a second one.
 */
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { KneewiseError } from '../domain/errors.ts';
import { describeDose, type ProgrammeId } from '../domain/plans/exercise.ts';
import { exercise } from '../domain/plans/exercise-library.ts';
import { type Programme, phaseAfterSessions } from '../domain/plans/programme.ts';
import { getProgramme } from '../domain/plans/programmes.catalog.ts';
import { todayIn } from './activity-history.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';
import { PlanService } from './plan.service.ts';

export interface ProgrammeSession {
  id: string;
  date: string;
  programmeId: string;
  /** 0-based phase, when the session was logged with one. */
  phaseIndex: number | null;
  label: string;
  painDuring: number | null;
  note: string | null;
  createdAt: string;
}

export interface ProgrammeSessionInput {
  programmeId: ProgrammeId;
  date?: string | undefined;
  phaseIndex?: number | undefined;
  painDuring?: number | null | undefined;
  note?: string | null | undefined;
}

export function programmeJson(p: Programme) {
  return {
    id: p.id,
    name: p.name,
    summary: p.summary,
    phases: p.phases.map((phase, index) => ({
      index,
      name: phase.name,
      weeks: phase.weeks,
      sessionsPerWeek: phase.sessionsPerWeek,
      goal: phase.goal,
      advanceWhen: phase.advanceWhen,
      exercises: phase.items.map((item) => {
        const ex = exercise(item.exerciseId);
        const dose = item.dose ?? ex.dose;
        return { id: ex.id, name: ex.name, dose, doseText: describeDose(dose) };
      }),
    })),
    runningAdvice: p.runningAdvice,
    source: p.source,
  };
}

const LABEL = /^Phase (\d+): /;

function toSession(row: Database['programme_sessions']): ProgrammeSession {
  const phase = LABEL.exec(row.session_label);
  return {
    id: row.id,
    date: row.local_date,
    programmeId: row.programme_id,
    phaseIndex: phase ? Number(phase[1]) - 1 : null,
    label: row.session_label,
    painDuring: row.pain_during === null ? null : Number(row.pain_during),
    note: row.note,
    createdAt: row.created_at,
  };
}

export class ProgrammeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
  ) {}

  async current() {
    const choice = await new PlanService(this.db).latestProgrammeChoice(this.athlete.id);
    const programme = getProgramme(choice.programmeId);
    const sessions = await this.sessionsOf(choice.programmeId);
    return {
      programme: programmeJson(programme),
      choice: { reason: choice.reason, warning: choice.warning },
      sessionsDone: sessions.length,
      /** Where the runner stands if every week so far stayed green (the plan steps back on pain). */
      currentPhaseIndex: phaseAfterSessions(programme, sessions.length),
      sessions,
    };
  }

  async log(input: ProgrammeSessionInput): Promise<{ session: ProgrammeSession; created: boolean }> {
    const programme = getProgramme(input.programmeId);
    const date = input.date ?? todayIn(this.now(), this.athlete.settings.timeZone ?? systemTimeZone());
    const sessions = await this.sessionsOf(input.programmeId);
    const sameDay = sessions.filter((s) => s.date === date);
    // Without a phase, a session already logged that day is the one being logged again (a retry).
    const phaseIndex =
      input.phaseIndex ??
      sameDay[0]?.phaseIndex ??
      phaseAfterSessions(programme, sessions.filter((s) => s.date < date).length);
    const phase = programme.phases[phaseIndex];
    if (phase === undefined) {
      throw new KneewiseError(
        'PROGRAMME_SESSION_INVALID',
        `phaseIndex: expected 0 to ${programme.phases.length - 1} for ${programme.id}, got ${phaseIndex}`,
        'input',
        { field: 'phaseIndex' },
      );
    }
    const label = `Phase ${phaseIndex + 1}: ${phase.name}`;
    const existing = await this.db
      .selectFrom('programme_sessions')
      .selectAll()
      .where('athlete_id', '=', this.athlete.id)
      .where('programme_id', '=', input.programmeId)
      .where('local_date', '=', date)
      .where('session_label', '=', label)
      .executeTakeFirst();
    if (existing) {
      const patch = {
        ...(input.painDuring !== undefined ? { pain_during: input.painDuring } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      };
      if (Object.keys(patch).length > 0) {
        await this.db
          .updateTable('programme_sessions')
          .set(patch)
          .where('athlete_id', '=', this.athlete.id)
          .where('id', '=', existing.id)
          .execute();
      }
      return { session: toSession({ ...existing, ...patch }), created: false };
    }
    const row: Database['programme_sessions'] = {
      id: newId(this.now().getTime()),
      athlete_id: this.athlete.id,
      local_date: date,
      programme_id: input.programmeId,
      session_label: label,
      pain_during: input.painDuring ?? null,
      note: input.note ?? null,
      created_at: this.now().toISOString(),
      is_demo: 0,
    };
    await this.db.insertInto('programme_sessions').values(row).execute();
    return { session: toSession(row), created: true };
  }

  async delete(id: string): Promise<{ deleted: ProgrammeSession }> {
    const row = await this.db
      .selectFrom('programme_sessions')
      .selectAll()
      .where('athlete_id', '=', this.athlete.id)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) {
      throw new KneewiseError(
        'PROGRAMME_SESSION_NOT_FOUND',
        `No programme session with id "${id}"`,
        'not-found',
      );
    }
    await this.db
      .deleteFrom('programme_sessions')
      .where('athlete_id', '=', this.athlete.id)
      .where('id', '=', id)
      .execute();
    return { deleted: toSession(row) };
  }

  private async sessionsOf(programmeId: string): Promise<ProgrammeSession[]> {
    const rows = await this.db
      .selectFrom('programme_sessions')
      .selectAll()
      .where('athlete_id', '=', this.athlete.id)
      .where('programme_id', '=', programmeId)
      .orderBy('local_date')
      .orderBy('created_at')
      .execute();
    return rows.map(toSession);
  }
}
