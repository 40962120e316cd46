/**
 * The seven programmes. Phase lengths add up to 6-12 weeks, as in the trials behind them; sessions are 2-3 a
 * week with rest days between. Doses come from the library unless a phase makes them heavier.
 */
import type { Dose, ProgrammeId } from './exercise.ts';
import { PAIN_MODEL } from './pain-monitoring.ts';
import { PLAN_SOURCES } from './plan-sources.ts';
import type { Programme, ProgrammeItem } from './programme.ts';

const item = (exerciseId: string, dose?: Dose): ProgrammeItem =>
  dose ? { exerciseId, dose } : { exerciseId };
const heavy = (sets: number, reps: number, perSide: boolean, restS = 120): Dose => ({
  sets,
  reps,
  holdS: null,
  restS,
  perSide,
});

/** Moving on is the safe band of the one pain-monitoring model (pain-monitoring.ts). */
const GREEN_WEEK = `A whole phase with pain at or below ${PAIN_MODEL.safeMax}/10 during the exercises and no worse than the morning before by the next morning.`;

const PROGRAMMES: readonly Programme[] = [
  {
    id: 'pfps',
    name: 'Kneecap pain (patellofemoral pain)',
    summary: 'Hip and knee strengthening together, with running trimmed to what the kneecap tolerates.',
    phases: [
      {
        name: 'Settle and activate',
        weeks: 2,
        sessionsPerWeek: 3,
        goal: 'Calm the kneecap and wake up hip and thigh muscles.',
        items: [
          item('quad-set'),
          item('wall-sit'),
          item('clamshell'),
          item('side-lying-hip-abduction'),
          item('glute-bridge'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Build strength',
        weeks: 4,
        sessionsPerWeek: 3,
        goal: 'Load the knee through more range and the hip in standing.',
        items: [
          item('goblet-squat'),
          item('step-up'),
          item('knee-extension'),
          item('banded-side-walk'),
          item('single-leg-bridge'),
          item('calf-raise'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Control and spring',
        weeks: 4,
        sessionsPerWeek: 2,
        goal: 'Heavier single-leg work and landing control for running.',
        items: [
          item('split-squat', heavy(3, 8, true)),
          item('lateral-step-down'),
          item('side-plank-abduction'),
          item('drop-landing'),
          item('pogo-hops'),
        ],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: [
      'Cut back hills, stairs and long downhill stretches while it settles.',
      'A step rate 5-10 % above your own usual lowers the load on the kneecap.',
      'Learning to manage load is itself a treatment: runners taught this did as well as those who also did exercises.',
    ],
    source: `${PLAN_SOURCES.willy2019}; ${PLAN_SOURCES.crossley2016}; ${PLAN_SOURCES.esculier2018}; ${PLAN_SOURCES.heiderscheit2011}`,
  },
  {
    id: 'itbs',
    name: 'Outer-knee pain (iliotibial band syndrome)',
    summary:
      'Six-plus weeks of hip abductor and rotator strengthening while cutting long slow runs, downhills and cambered roads.',
    phases: [
      {
        name: 'Unload and activate',
        weeks: 2,
        sessionsPerWeek: 3,
        goal: 'Switch on the side-hip muscles without irritating the outer knee.',
        items: [
          item('hip-abduction-wall-press'),
          item('clamshell'),
          item('side-lying-hip-abduction'),
          item('glute-bridge'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Hip strength',
        weeks: 4,
        sessionsPerWeek: 3,
        goal: 'Build hip abductor strength in standing and single-leg positions.',
        items: [
          item('banded-side-walk'),
          item('side-plank-abduction'),
          item('single-leg-bridge'),
          item('lateral-step-down'),
          item('single-leg-rdl'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Running-specific control',
        weeks: 2,
        sessionsPerWeek: 2,
        goal: 'Single-leg strength and hopping control for the return to longer runs.',
        items: [
          item('bulgarian-split-squat'),
          item('single-leg-rdl', heavy(3, 8, true)),
          item('lateral-hops'),
          item('single-leg-hop'),
        ],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: [
      'Shorter, flatter runs first; avoid cambered roads and long descents.',
      'Try a slightly shorter stride (step rate +5-10 %) and avoid letting the feet cross the midline.',
      'Foam rolling or stretching the band is widely done but has little support: strength work matters more.',
    ],
    source: `${PLAN_SOURCES.beers2008}; ${PLAN_SOURCES.itbsManagement}`,
  },
  {
    id: 'patellar_tendinopathy',
    name: "Patellar tendon pain (jumper's knee)",
    summary: 'The staged tendon programme: isometric holds, then heavy slow strength, then springy loading.',
    phases: [
      {
        name: 'Isometric holds',
        weeks: 2,
        sessionsPerWeek: 3,
        goal: 'Ease pain with long holds; they can be repeated daily when irritable.',
        items: [item('spanish-squat'), item('wall-sit'), item('knee-extension-hold'), item('calf-raise')],
        advanceWhen: 'Slow full repetitions hurt no more than 3/10.',
      },
      {
        name: 'Heavy slow resistance',
        weeks: 6,
        sessionsPerWeek: 3,
        goal: 'Rebuild tendon capacity: start near 15 repetition maximum, work toward 6, every second day; holds on the days between.',
        items: [
          item('leg-press'),
          item('split-squat'),
          item('decline-squat'),
          item('knee-extension'),
          item('calf-raise'),
        ],
        advanceWhen: 'Good strength and pain below 3/10 that settles within 24 hours.',
      },
      {
        name: 'Energy storage',
        weeks: 4,
        sessionsPerWeek: 2,
        goal: 'Reintroduce spring: hops, skipping and landings every 2-3 days, keeping one heavy session.',
        items: [
          item('leg-press', heavy(4, 6, false)),
          item('pogo-hops'),
          item('skipping'),
          item('drop-landing'),
          item('single-leg-hop'),
        ],
        advanceWhen: 'Three full sessions tolerated without a flare the next day.',
      },
    ],
    runningAdvice: [
      'Hills, sprints and jumping load the tendon most: bring them back last.',
      'Pain that is worse the next day is the signal to ease off, not pain that warms up and fades during a run.',
    ],
    source: `${PLAN_SOURCES.malliaras2015}; ${PLAN_SOURCES.rio2015}; ${PLAN_SOURCES.vanArk2016}`,
  },
  {
    id: 'pes_anserine_bursitis',
    name: 'Inner-knee pain below the joint (pes anserine)',
    summary: 'Reduce the aggravating load and strengthen the hamstrings, adductors and hips.',
    phases: [
      {
        name: 'Calm down',
        weeks: 2,
        sessionsPerWeek: 3,
        goal: 'Gentle holds and hip work while hills and stairs are cut back.',
        items: [
          item('hamstring-bridge-hold'),
          item('glute-bridge'),
          item('side-lying-hip-abduction'),
          item('adductor-stretch'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Strengthen',
        weeks: 4,
        sessionsPerWeek: 3,
        goal: 'Build hamstring and adductor strength through range.',
        items: [
          item('hamstring-slider-curl'),
          item('copenhagen-adduction'),
          item('single-leg-bridge'),
          item('step-up'),
          item('sit-to-stand'),
        ],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: ['Go easy on hills and stairs for a few weeks; most cases settle within 4-8 weeks.'],
    source: PLAN_SOURCES.pesAnserine,
  },
  {
    id: 'hamstring_tendinopathy',
    name: 'Back-of-knee tendon pain (distal hamstring)',
    summary: 'Reduce load without stopping, holds with the knee bent, then strength through more range.',
    phases: [
      {
        name: 'Isometric holds',
        weeks: 2,
        sessionsPerWeek: 3,
        goal: 'Settle the tendon with bent-knee holds; avoid full straightening early.',
        items: [item('hamstring-bridge-hold'), item('glute-bridge'), item('calf-raise')],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Strength through range',
        weeks: 4,
        sessionsPerWeek: 3,
        goal: 'Slow hamstring work, straightening the knee a little more each week.',
        items: [item('single-leg-bridge'), item('hamstring-slider-curl'), item('single-leg-rdl')],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Speed and hills',
        weeks: 2,
        sessionsPerWeek: 2,
        goal: 'Reintroduce fast and springy hamstring work before hills and sprints.',
        items: [
          item('single-leg-rdl', heavy(3, 8, true)),
          item('a-skip'),
          item('bounding'),
          item('pogo-hops'),
        ],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: ['Long runs and hill work were the usual trigger: rebuild them last.'],
    source: PLAN_SOURCES.distalHamstring,
  },
  {
    id: 'knee_oa',
    name: 'Knee osteoarthritis',
    summary:
      'Regular strengthening is core treatment; recreational running is compatible with it for many people.',
    phases: [
      {
        name: 'Start moving',
        weeks: 4,
        sessionsPerWeek: 3,
        goal: 'Everyday strength for standing up, stairs and walking.',
        items: [
          item('quad-set'),
          item('sit-to-stand'),
          item('glute-bridge'),
          item('side-lying-hip-abduction'),
          item('calf-raise'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Get stronger',
        weeks: 8,
        sessionsPerWeek: 2,
        goal: 'Progressive loading for the thigh and hip.',
        items: [item('goblet-squat'), item('step-up'), item('knee-extension'), item('wall-sit')],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: [
      'Flares usually settle over days to weeks; a day or two of lighter activity is enough.',
      'In people over 50 with knee OA, self-chosen running was not linked to faster worsening.',
      'Any weight loss helps if you carry extra weight.',
    ],
    source: `${PLAN_SOURCES.niceNg226}; ${PLAN_SOURCES.lo2018}`,
  },
  {
    id: 'prevention',
    name: 'General strength for runners',
    summary:
      'Twice-weekly strength work: in trials, strength training cut sports injuries by about two thirds; stretching did not.',
    phases: [
      {
        name: 'Foundation',
        weeks: 3,
        sessionsPerWeek: 2,
        goal: 'Learn the movements at moderate load.',
        items: [
          item('goblet-squat'),
          item('glute-bridge'),
          item('side-lying-hip-abduction'),
          item('calf-raise'),
          item('side-plank-abduction'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Strength',
        weeks: 3,
        sessionsPerWeek: 2,
        goal: 'Heavier single-leg work.',
        items: [
          item('split-squat'),
          item('single-leg-rdl'),
          item('step-up'),
          item('copenhagen-adduction'),
          item('calf-raise'),
        ],
        advanceWhen: GREEN_WEEK,
      },
      {
        name: 'Power',
        weeks: 2,
        sessionsPerWeek: 2,
        goal: 'Keep strength and add spring.',
        items: [
          item('bulgarian-split-squat'),
          item('single-leg-rdl', heavy(3, 8, true)),
          item('pogo-hops'),
          item('single-leg-hop'),
          item('bounding'),
        ],
        advanceWhen: GREEN_WEEK,
      },
    ],
    runningAdvice: [
      'Keep each run within 10 % of your longest run of the past 30 days.',
      'A warm-up helps you feel ready but has not been shown to prevent injury; strength work has.',
    ],
    source: `${PLAN_SOURCES.lauersen2014}; ${PLAN_SOURCES.frandsen2025}`,
  },
];

export function getProgramme(id: ProgrammeId): Programme {
  const found = PROGRAMMES.find((p) => p.id === id);
  if (!found) throw new Error(`No programme "${id}"`);
  return found;
}

export function allProgrammes(): readonly Programme[] {
  return PROGRAMMES;
}
