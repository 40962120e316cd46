/**
 * Guided routines: a short warm-up, a cool-down of gentle static holds, and one routine per programme phase.
 * A routine is a list of timed steps so the terminal player (or the web app) can count down and say what is
 * next. Repetitions are timed at 3 s each, a calm, controlled tempo.
 */
import { type Dose, PROGRAMME_IDS, type ProgrammeId } from './exercise.ts';
import { exercise } from './exercise-library.ts';
import { PAIN_TEXT } from './pain-monitoring.ts';
import { PLAN_SOURCES } from './plan-sources.ts';
import { getProgramme } from './programmes.catalog.ts';

export interface RoutineStep {
  kind: 'work' | 'rest';
  label: string;
  exerciseId: string | null;
  durationS: number;
  /** What to do, short enough for one terminal line. */
  cue: string;
}

export interface Routine {
  id: string;
  name: string;
  intro: string;
  steps: RoutineStep[];
  source: string;
}

const TRANSITION_S = 5;
const SECONDS_PER_REP = 3;

function stepsFor(exerciseId: string, override?: Dose): RoutineStep[] {
  const ex = exercise(exerciseId);
  const dose = override ?? ex.dose;
  const steps: RoutineStep[] = [];
  const sides = dose.perSide ? ['left', 'right'] : [null];
  const workS = dose.reps !== null ? dose.reps * SECONDS_PER_REP : (dose.holdS ?? 0);
  const what = dose.reps !== null ? `${dose.reps} slow reps` : `hold ${dose.holdS} s`;
  for (let set = 1; set <= dose.sets; set += 1) {
    for (const side of sides) {
      const setLabel = dose.sets > 1 ? ` (set ${set}/${dose.sets})` : '';
      steps.push({
        kind: 'work',
        label: `${ex.name}${side ? `, ${side}` : ''}${setLabel}`,
        exerciseId,
        durationS: workS,
        cue: `${what}. ${ex.howTo[0] ?? ''}`,
      });
    }
    if (set < dose.sets && dose.restS > 0) {
      steps.push({
        kind: 'rest',
        label: 'Rest',
        exerciseId: null,
        durationS: dose.restS,
        cue: 'Breathe and shake out the legs.',
      });
    }
  }
  return steps;
}

function build(items: readonly { id: string; dose?: Dose }[]): RoutineStep[] {
  const steps: RoutineStep[] = [];
  items.forEach((item, i) => {
    if (i > 0)
      steps.push({
        kind: 'rest',
        label: 'Get ready',
        exerciseId: null,
        durationS: TRANSITION_S,
        cue: `Next: ${exercise(item.id).name}`,
      });
    steps.push(...stepsFor(item.id, item.dose));
  });
  return steps;
}

const hold30: Dose = { sets: 1, reps: null, holdS: 30, restS: 0, perSide: true };

export function warmupRoutine(): Routine {
  return {
    id: 'warmup',
    name: 'Dynamic warm-up (about 9 minutes)',
    intro:
      'Easy movement that gets you ready to run. Helpful for feeling loose and running well; it has not been shown to prevent injuries.',
    steps: build([
      { id: 'easy-jog' },
      { id: 'leg-swing-forward' },
      { id: 'leg-swing-lateral' },
      { id: 'walking-lunge' },
      { id: 'high-knee-march' },
      { id: 'heel-flicks' },
      { id: 'a-skip' },
      { id: 'lateral-shuffle' },
    ]),
    source: PLAN_SOURCES.warmupEvidence,
  };
}

export function cooldownRoutine(): Routine {
  return {
    id: 'cooldown',
    name: 'Cool-down with gentle stretches (about 8 minutes)',
    intro:
      'Walk, then ease into each stretch and hold it still for 30 s: no bouncing, a mild pull, never pain. For comfort; stretching does not prevent injuries.',
    steps: build([
      { id: 'easy-jog', dose: { sets: 1, reps: null, holdS: 120, restS: 0, perSide: false } },
      { id: 'quad-stretch', dose: hold30 },
      { id: 'hamstring-stretch', dose: hold30 },
      { id: 'calf-stretch', dose: hold30 },
      { id: 'hip-flexor-stretch', dose: hold30 },
      { id: 'glute-stretch', dose: hold30 },
      { id: 'lateral-hip-stretch', dose: hold30 },
    ]),
    source: PLAN_SOURCES.stretchEvidence,
  };
}

/** Phase `phaseIndex` of a programme as a routine (`kneewise routine pfps`). */
export function programmeRoutine(id: ProgrammeId, phaseIndex = 0): Routine {
  const programme = getProgramme(id);
  const phase = programme.phases[Math.min(Math.max(phaseIndex, 0), programme.phases.length - 1)]!;
  return {
    id,
    name: `${programme.name}: ${phase.name}`,
    intro: `${phase.goal} ${PAIN_TEXT.exercises}`,
    steps: build(
      phase.items.map((i) => (i.dose ? { id: i.exerciseId, dose: i.dose } : { id: i.exerciseId })),
    ),
    source: programme.source,
  };
}

export const ROUTINE_NAMES: readonly string[] = ['warmup', 'cooldown', ...PROGRAMME_IDS];

export function findRoutine(name: string, phaseIndex = 0): Routine | undefined {
  if (name === 'warmup') return warmupRoutine();
  if (name === 'cooldown') return cooldownRoutine();
  const id = PROGRAMME_IDS.find((p) => p === name);
  return id ? programmeRoutine(id, phaseIndex) : undefined;
}

export function routineDurationS(r: Routine): number {
  return r.steps.reduce((s, step) => s + step.durationS, 0);
}
