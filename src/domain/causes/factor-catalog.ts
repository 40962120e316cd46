/**
 * The factor ids of `kneewise why` (../shared/spec/cli.md) with what the evidence behind each one says, in our
 * own words, and how much weight it gets when factors are ranked. The weight is a judgement of evidence quality
 * (a 5,205-runner cohort beats a biomechanics lab study, which beats coaching convention), not a risk ratio:
 * the ranking multiplies it by how far the runner's own numbers moved. Facts come from
 * ../shared/research/training-load.md and clinical.md, where the full references and links are.
 */
export const FACTOR_IDS = [
  'session_spike',
  'weekly_progression',
  'return_after_break',
  'descent_increase',
  'pace_increase',
  'cadence_drop',
  'shoe_mileage',
  'new_shoes',
  'surface_change',
  'few_rest_days',
  'long_run_share',
] as const;

export type FactorId = (typeof FACTOR_IDS)[number];

export interface FactorEvidence {
  /** 0–1: how much the evidence for this factor is worth next to the others. */
  weight: number;
  /** A short label for lists ("Single-run spike"). */
  label: string;
  evidence: string;
  source: string;
}

export const FACTOR_EVIDENCE: Readonly<Record<FactorId, FactorEvidence>> = {
  session_spike: {
    weight: 1,
    label: 'One run much longer than usual',
    evidence:
      'In 5,205 runners followed for 18 months, a run more than 10 % longer than the longest run of the previous ' +
      '30 days raised the overuse-injury rate (hazard ratio 1.64 for 10–30 %, 1.52 for 30–100 %, 2.28 above ' +
      '100 %). Weekly ratios did not predict injury in the same runners. Most injuries still happened without ' +
      'a spike, so a spike is a risk raiser, not proof of the cause.',
    source: 'Frandsen et al., Br J Sports Med 2025;59:1203 (Garmin-RUNSAFE)',
  },
  weekly_progression: {
    weight: 0.6,
    label: 'Weekly distance grew fast',
    evidence:
      'Novices who raised their weekly distance by more than 30 % over two weeks had more knee-type ' +
      '"distance-related" injuries (patellofemoral pain, ITB syndrome, patellar tendinopathy; HR 1.59, ' +
      'confidence interval 0.96–2.66, so not certain). Half-marathon runners adding 20–60 % a week early in ' +
      'training were injured more often. The popular 10 % rule itself did not prevent injuries in a trial.',
    source:
      'Nielsen et al., JOSPT 2014;44:739; Damsted et al., JOSPT 2019;49:230; Buist et al., Am J Sports Med ' +
      '2008;36:33',
  },
  return_after_break: {
    weight: 0.7,
    label: 'Back after a break',
    evidence:
      'Restarting running is among the situations linked to running injuries in reviews, and after a month off ' +
      'there is no recent longest run to measure a safe distance against. Return programmes rebuild from short ' +
      'run-walk sessions over a few weeks.',
    source:
      'van der Worp et al., PLoS One 2015 (risk factors review); Frandsen et al., Br J Sports Med 2025 ' +
      '(no 30-day baseline)',
  },
  descent_increase: {
    weight: 0.6,
    label: 'More downhill running',
    evidence:
      'Running downhill raises impact forces (about +54 % at a −9° slope) and braking forces (+73 %), and in ' +
      'the lab steeper descents raised knee flexion, knee adduction and iliotibial-band strain. Downhill running ' +
      'is a commonly reported trigger of ITB and kneecap pain. This is lab and clinical evidence, not a trial ' +
      'of injury rates.',
    source: 'Gottschall & Kram, J Biomech 2005;38:445; Robertz et al., ISBS 2022; Esculier et al. 2016',
  },
  pace_increase: {
    weight: 0.4,
    label: 'Faster running',
    evidence:
      'Kneecap (patellofemoral) pain often follows a recent rise in speed as well as in distance or downhill ' +
      'running; speed work is also a listed aggravator of tendon pain. This is clinical experience rather than ' +
      'a measured injury rate.',
    source: 'Esculier et al. 2016 protocol (PMC4702381)',
  },
  cadence_drop: {
    weight: 0.5,
    label: 'Fewer steps per minute',
    evidence:
      'At the same speed, a step rate 10 % lower made the knee absorb more energy, and 5–10 % higher lowered ' +
      'it; a 10 % higher step rate cut the peak force behind the kneecap by about 14 %. These are lab studies ' +
      'of joint loading, not of injury rates.',
    source:
      'Heiderscheit et al., Med Sci Sports Exerc 2011;43:296; Lenhart et al., Med Sci Sports Exerc ' +
      '2014;46:557',
  },
  shoe_mileage: {
    weight: 0.3,
    label: 'Shoes with a long distance on them',
    evidence:
      'Shoes lose part of their cushioning over the first few hundred miles, which is where the advice to ' +
      'replace them every 300–500 miles (480–800 km) comes from. No trial shows that replacing shoes at a set ' +
      'mileage prevents injury. Runners who rotated several pairs had fewer injuries in one cohort.',
    source:
      'Cook et al., Am J Sports Med 1985;13:248 (midsole wear); Malisoux et al., Scand J Med Sci Sports ' +
      '2015;25:110 (rotation)',
  },
  new_shoes: {
    weight: 0.3,
    label: 'New shoes',
    evidence:
      'No trial links a change of shoes to knee pain in general. Shoe type changed injury risk in some trials ' +
      '(motion-control shoes for pronated feet), and rotating pairs was linked to fewer injuries, so a switch ' +
      'to a very different shoe is worth noting, not blaming.',
    source:
      'Malisoux et al., Br J Sports Med 2016;50:481; Malisoux et al., Scand J Med Sci Sports 2015;25:110',
  },
  surface_change: {
    weight: 0.25,
    label: 'Different surface',
    evidence:
      'Reviews found concrete surfaces linked to more injuries in women, and cambered roads and uneven trails ' +
      'are reported triggers of ITB and popliteus pain. The export only tells road, trail, track or treadmill, ' +
      'so camber and hardness are not seen here.',
    source: 'van der Worp et al., PLoS One 2015 (risk factors review)',
  },
  few_rest_days: {
    weight: 0.25,
    label: 'Few rest days',
    evidence:
      'Tissues adapt between runs, and return programmes keep a rest day between runs. No trial sets a number ' +
      'of rest days for recreational runners, so this is coaching convention.',
    source: 'Coaching convention; US Army return-to-run programme (rest day between runs)',
  },
  long_run_share: {
    weight: 0.2,
    label: 'One run carries much of the week',
    evidence:
      'Putting a large share of the week into one run is the weekly face of a single-session spike; a big jump ' +
      'in long-run distance is a reported trigger of hamstring-tendon pain behind the knee. Limits such as ' +
      '"a third of the week" are coaching convention, not trial results.',
    source: 'Coaching convention (no trial; long runs aggravate distal hamstring tendinopathy)',
  },
};
