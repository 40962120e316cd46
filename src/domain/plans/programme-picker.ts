/**
 * Chooses the programme from the latest assessment: the most likely condition we have a programme for,
 * else general prevention. An assessment that says "get this seen" still gets a programme, but the plan
 * carries the warning first: exercise is no substitute for the visit it advised.
 */
import { PROGRAMME_IDS, type ProgrammeId } from './exercise.ts';

/** The part of the assessment JSON (spec/assessment.md) the picker reads. */
export interface AssessmentSummary {
  urgency: string | null;
  conditions: readonly { id: string; likelihood?: number }[];
  /** The spec's differential, when the assessment has one: its first entry may be a danger to rule out. */
  differential?: readonly { kind?: unknown }[];
}

export interface ProgrammeChoice {
  programmeId: ProgrammeId;
  /** Why this one, for the CLI line "Programme: … (because …)". */
  reason: string;
  /** Set when the assessment advised seeing someone urgently or soon. */
  warning: string | null;
}

const SUPPORTED: ReadonlySet<string> = new Set(PROGRAMME_IDS.filter((id) => id !== 'prevention'));

function isProgrammeId(id: string): id is ProgrammeId {
  return SUPPORTED.has(id);
}

/** Reads `result_json` leniently: anything unexpected falls back to no assessment rather than failing the plan. */
export function parseAssessmentSummary(json: string): AssessmentSummary | null {
  try {
    const value = JSON.parse(json) as { urgency?: unknown; conditions?: unknown; differential?: unknown };
    const conditions = Array.isArray(value.conditions)
      ? value.conditions.filter(
          (c): c is { id: string; likelihood?: number } =>
            typeof c === 'object' && c !== null && typeof (c as { id?: unknown }).id === 'string',
        )
      : [];
    const differential = Array.isArray(value.differential)
      ? value.differential.filter((d): d is { kind?: unknown } => typeof d === 'object' && d !== null)
      : [];
    return { urgency: typeof value.urgency === 'string' ? value.urgency : null, conditions, differential };
  } catch {
    return null;
  }
}

export function pickProgramme(assessment: AssessmentSummary | null): ProgrammeChoice {
  if (!assessment) {
    return { programmeId: 'prevention', reason: 'no saved assessment, so general prevention', warning: null };
  }
  // In the knee check's own tier: "checked promptly" under an emergency would play it down (issue 13).
  const warning =
    assessment.urgency === 'emergency'
      ? 'Your knee check said emergency: go to an emergency department now. This plan is for after a clinician has seen your knee.'
      : assessment.urgency === 'urgent'
        ? 'Your knee check said to get your knee seen today: do that before following this plan.'
        : assessment.urgency === 'soon'
          ? 'Your last assessment advised booking a check with a professional in the coming days.'
          : null;
  // Under an urgent or emergency result the dangers lead and the benign conditions only count once the
  // urgent cause is excluded: a rehab programme for one of them would contradict the knee check.
  if (
    warning !== null &&
    assessment.urgency !== 'soon' &&
    assessment.differential?.[0]?.kind === 'must-not-miss'
  ) {
    return {
      programmeId: 'prevention',
      reason:
        'your knee check found something to rule out first; a programme for a particular condition starts once a clinician has excluded it',
      warning,
    };
  }
  const top = assessment.conditions.find((c) => isProgrammeId(c.id));
  if (!top || !isProgrammeId(top.id)) {
    return {
      programmeId: 'prevention',
      reason: 'no condition with a programme of its own in your latest assessment, so general prevention',
      warning,
    };
  }
  const rank = assessment.conditions.indexOf(top) + 1;
  return {
    programmeId: top.id,
    reason: `${top.id} is the ${rank === 1 ? 'most likely' : `number ${rank}`} condition in your latest assessment`,
    warning,
  };
}
