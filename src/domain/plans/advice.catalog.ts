/**
 * Everyday advice in our own words: the first days after knee pain starts, pain relief, shoes, surfaces and
 * hills, and cross-training. Popular advice (RICE, replacing shoes by mileage, motion-control shoes) is shown
 * with what the evidence actually says, neither dropped nor oversold.
 */
import type { Urgency } from '../assessment/urgency.types.ts';
import { CROSS_SESSIONS, describeCross } from './cross-training.catalog.ts';
import { helpTiers } from './help-signs.ts';
import { PLAN_SOURCES } from './plan-sources.ts';

export interface AdvicePoint {
  text: string;
  source: string;
  /** For "when to get help": the knee check's tier for the signs in this point. */
  tier?: Urgency;
}

export interface AdviceTopic {
  id: 'first-days' | 'pain-relief' | 'footwear' | 'surfaces' | 'cross-training' | 'when-to-get-help';
  title: string;
  points: readonly AdvicePoint[];
}

const p = (text: string, source: string): AdvicePoint => ({ text, source });

export const ADVICE: readonly AdviceTopic[] = [
  {
    id: 'first-days',
    title: 'The first days: PEACE, then LOVE',
    points: [
      p(
        'Protect: ease off whatever provokes the pain for one to three days, but do not stop moving altogether; let pain tell you when protection is no longer needed.',
        PLAN_SOURCES.peaceLove,
      ),
      p(
        'Elevate the leg above the heart when it is swollen. The evidence is thin, the risk is nil.',
        PLAN_SOURCES.peaceLove,
      ),
      p(
        'Avoid anti-inflammatory tablets in the first days: inflammation is part of repair, and high doses may slow healing of the tissue.',
        PLAN_SOURCES.peaceLove,
      ),
      p('Compress with an elastic bandage or tape if the knee swells.', PLAN_SOURCES.peaceLove),
      p(
        'Educate yourself: most running knee pain is an overload problem that responds to adjusting load, not to passive treatments.',
        `${PLAN_SOURCES.peaceLove}; ${PLAN_SOURCES.esculier2018}`,
      ),
      p(
        'Then LOVE: bring Load back early as pain allows, stay Optimistic (it helps recovery), keep the blood flowing with pain-free aerobic exercise (Vascularisation), and Exercise for strength and balance.',
        PLAN_SOURCES.peaceLove,
      ),
      p(
        'Where RICE stands: rest, ice, compression and elevation is still what many emergency leaflets say (ice 15 minutes every 2 hours). Ice can dull pain for a while, but there is no good evidence that ice or rest speed healing, and long rest weakens the knee. Use ice for comfort if you like; do not mistake it for treatment.',
        `${PLAN_SOURCES.nhsPrice}; ${PLAN_SOURCES.peaceLove}`,
      ),
      p('Most knee pain starts to settle within 6-12 weeks; staying active helps.', PLAN_SOURCES.nhsSelfHelp),
    ],
  },
  {
    id: 'pain-relief',
    title: 'Pain relief: cautions',
    points: [
      p(
        'For knee osteoarthritis a gel or cream with an anti-inflammatory is the first medicine to try; tablets of paracetamol add little.',
        PLAN_SOURCES.niceNg226,
      ),
      p(
        'Anti-inflammatory tablets are not for everyone: check with a pharmacist if you have stomach, kidney or heart problems, asthma, take blood thinners, or are pregnant.',
        PLAN_SOURCES.niceNg226,
      ),
      p(
        'Do not take painkillers so that you can run through pain: pain is the signal the plan steers by.',
        PLAN_SOURCES.silbernagel2007,
      ),
      p(
        'Steroid injections are not advised for tendon pain (they raise the risk of rupture).',
        PLAN_SOURCES.malliaras2015,
      ),
    ],
  },
  {
    id: 'footwear',
    title: 'Shoes and insoles',
    points: [
      p(
        'Choose the pair that feels most comfortable when you run in it; comfort is a better guide than labels.',
        PLAN_SOURCES.malisoux2016,
      ),
      p(
        'In one blinded trial of 372 runners, motion-control shoes went with fewer injuries overall (hazard ratio 0.55), most clearly in runners with pronated feet (0.34). It is one trial: worth considering if your feet roll in, not a must.',
        PLAN_SOURCES.malisoux2016,
      ),
      p(
        'For kneecap pain with flat, rolling-in feet, ready-made insoles can ease pain in the short term (up to about six weeks).',
        PLAN_SOURCES.willyOrthoses,
      ),
      p(
        'Insoles are not a prevention tool for everyone: people who wear them are, if anything, injured more often, probably because they had problems before.',
        PLAN_SOURCES.vanDerWorp2015,
      ),
      p(
        'The "replace every 300-500 miles" rule comes from foam-wear tests, not injury trials. Check your shoes as they near that range and replace them when they feel flat or uneven, not by the number alone.',
        PLAN_SOURCES.shoeMileage,
      ),
      p('Change shoes gradually: wear a new model on shorter runs first.', PLAN_SOURCES.frandsen2025),
    ],
  },
  {
    id: 'surfaces',
    title: 'Surfaces and hills',
    points: [
      p(
        'Running downhill raises impact forces sharply (about +54 % at a steep 9° slope) and strains the kneecap and the outer knee more. Cut long descents first when the knee hurts; walk them if needed.',
        PLAN_SOURCES.gottschall2005,
      ),
      p(
        'Uphill running is gentler on the knee but hard on tendons: bring hill repeats back late with patellar or hamstring tendon pain.',
        PLAN_SOURCES.malliaras2015,
      ),
      p(
        'Cambered roads and running the same direction on a track tilt the knee: switch sides or direction with outer-knee pain.',
        PLAN_SOURCES.itbsManagement,
      ),
      p(
        'A slightly quicker step (5-10 % more steps a minute than your own usual) lowers the load on the knee at the same pace.',
        PLAN_SOURCES.heiderscheit2011,
      ),
      p(
        'Return to running on level, even ground; treadmills are fine for the walk-run levels.',
        PLAN_SOURCES.armyRtr,
      ),
    ],
  },
  {
    id: 'cross-training',
    title: 'Cross-training while the knee settles',
    points: CROSS_SESSIONS.map((c) => p(describeCross(c), c.source)),
  },
  {
    id: 'when-to-get-help',
    title: 'When to get help',
    // Each sign at the tier the knee check gives it (help-signs.ts), so the two can never disagree.
    points: helpTiers().map((t) => ({ text: t.text, source: t.source, tier: t.tier })),
  },
];

export function adviceTopic(id: string): AdviceTopic | undefined {
  return ADVICE.find((t) => t.id === id);
}
