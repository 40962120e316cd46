import { type DistanceUnits, formatDistance, formatElevation } from '../units.ts';
import type { LoadFlag, LoadFlagId } from './load-flag.ts';
import { SOURCES } from './load-sources.ts';

/**
 * Plain-words rendering of a flag, in km or miles. The report stores the km version in `message`; the
 * status command re-renders with the runner's units from `measures`. Wording is ours.
 */
export function formatPct(value: number): string {
  const abs = Math.abs(value);
  const shown = abs >= 100 ? Math.round(abs).toString() : (Math.round(abs * 10) / 10).toString();
  return `${shown} %`;
}

function measure(flag: LoadFlag, key: string): number {
  return flag.measures[key] ?? 0;
}

type Renderer = (flag: LoadFlag, units: DistanceUnits) => string;

const RENDERERS: Readonly<Record<LoadFlagId, Renderer>> = {
  session_spike: (f, u) =>
    `Your ${formatDistance(measure(f, 'distanceM'), u)} run on ${f.date} was ${formatPct(f.value)} longer than your longest run of the 30 days before (${formatDistance(measure(f, 'baselineM'), u)}). Risk of an overuse injury rose once a single run went more than ${f.threshold} % past that longest run (${SOURCES.frandsen2025}).`,
  return_after_break: (f, u) =>
    `Your ${formatDistance(measure(f, 'distanceM'), u)} run on ${f.date} came ${f.value} days after the previous one, so there was no recent run to measure it against (more than ${f.threshold} days). After a break, start shorter than before and build up in small steps (${SOURCES.frandsen2025}).`,
  weekly_progression: (f, u) =>
    `The week of ${f.date} had ${formatDistance(measure(f, 'distanceM'), u)}, ${formatPct(f.value)} more than the ${formatDistance(measure(f, 'previousM'), u)} of the week before. Novice runners whose weekly distance grew more than ${f.threshold} % over two weeks had more distance-related injuries such as runner's knee and ITB pain (${SOURCES.nielsen2014}).`,
  ten_percent_rule: (f, u) =>
    `The week of ${f.date} had ${formatDistance(measure(f, 'distanceM'), u)}, ${formatPct(f.value)} more than the week before. The popular ${f.threshold} % rule would call that too much, but a trial found no fewer injuries with a 10 %-based plan (${SOURCES.buist2008}); single long runs matter more (${SOURCES.frandsen2025}).`,
  descent_increase: (f, u) =>
    `The week of ${f.date} had ${formatElevation(measure(f, 'descentM'), u)} of descent, ${formatPct(f.value)} more than your 4-week average of ${formatElevation(measure(f, 'baselineM'), u)} (we flag more than ${f.threshold} %). Running downhill raises impact and braking forces at the knee (${SOURCES.gottschallKram2005}).`,
  cadence_drop: (f, _u) =>
    `Your cadence on ${f.date} was ${Math.round(measure(f, 'cadenceSpm'))} steps/min, ${formatPct(f.value)} below your 8-week usual of ${Math.round(measure(f, 'baselineSpm'))} (we flag ${f.threshold} % or more). A lower step rate puts more load on the knee with each step (${SOURCES.heiderscheit2011}).`,
  few_rest_days: (f, _u) =>
    `You ran ${f.value} days in a row, up to ${f.date} (we mention streaks of ${f.threshold} days or more). No study sets a number of rest days, but days off give tissues time to adapt (${SOURCES.restDays}).`,
  monotony: (f, _u) =>
    `Your training in the 7 days up to ${f.date} was very uniform: monotony ${f.value.toFixed(2)} (Foster's threshold ${f.threshold.toFixed(1)}). Weeks of high monotony and strain came before illness and poor form in athletes (${SOURCES.foster1998}); varying hard and easy days lowers it.`,
  acwr: (f, _u) =>
    `Your last 7 days were ${f.value.toFixed(2)} times your weekly average of the 3 weeks before (acute:chronic ratio). Shown as context only: the "danger zone" above ${f.threshold} comes from team sports (${SOURCES.gabbett2016}), and in runners higher ratios went with fewer overuse injuries (${SOURCES.frandsen2025}).`,
};

export function describeFlag(flag: LoadFlag, units: DistanceUnits): string {
  return RENDERERS[flag.id](flag, units);
}

/** What the evidence says, per flag kind (short, our words). */
export const FLAG_EVIDENCE: Readonly<Record<LoadFlagId, string>> = {
  session_spike:
    'In 5,205 runners followed for 18 months, a run more than 10 % longer than the longest of the previous 30 days raised the overuse-injury rate: hazard ratios 1.64 (10–30 %), 1.52 (30–100 %), 2.28 (over 100 %).',
  return_after_break:
    'The spike measure is undefined after 30 days without running; a long first run after a break is the situation the single-session finding warns about.',
  weekly_progression:
    'Among 874 novices, those progressing more than 30 % over two weeks had more distance-related injuries (hazard ratio 1.59, 95 % CI 0.96–2.66; not statistically certain).',
  ten_percent_rule:
    'In a trial of 532 novices, a 13-week plan built on the 10 % rule gave 20.8 % injuries against 20.3 % with a standard 8-week plan: no protective effect. Week-to-week change did not predict injury in the Garmin-RUNSAFE cohort either.',
  descent_increase:
    'Downhill running at −9° raised impact force peaks by 54 % and braking peaks by 73 %; steeper descents raised knee adduction and ITB strain. The 50 % threshold is our own heuristic, not a study cut-off.',
  cadence_drop:
    'In 45 runners, a 10 % lower step rate increased energy absorbed at the knee; a 5–10 % higher one reduced it. The 5 % threshold is our own heuristic.',
  few_rest_days:
    'Rest-day advice is a coaching convention; no trial sets a number of rest days for recreational runners.',
  monotony:
    "Foster's athletes fell ill or performed poorly after weeks of high monotony and strain; monotony above 2.0 is commonly treated as critical.",
  acwr: 'ACWR is shown as context only: in runners higher ratios went with fewer overuse injuries, and the ratio mostly rescales the last week (Impellizzeri 2021).',
};

export const FLAG_SOURCES: Readonly<Record<LoadFlagId, string>> = {
  session_spike: SOURCES.frandsen2025,
  return_after_break: SOURCES.frandsen2025,
  weekly_progression: SOURCES.nielsen2014,
  ten_percent_rule: `${SOURCES.buist2008}; ${SOURCES.frandsen2025}`,
  descent_increase: SOURCES.gottschallKram2005,
  cadence_drop: SOURCES.heiderscheit2011,
  few_rest_days: SOURCES.restDays,
  monotony: `${SOURCES.foster1998}; ${SOURCES.runalyzeMonotony}`,
  acwr: `${SOURCES.gabbett2016}; ${SOURCES.frandsen2025}; ${SOURCES.impellizzeri2021}`,
};

/**
 * What the trials say about weekly increases, shown next to the weekly totals whatever this runner did:
 * the popular 10 % rule with Buist 2008's null result, and the >30 % two-week signal of Nielsen 2014.
 */
export const WEEKLY_CHANGE_EVIDENCE = {
  tenPercentRule: {
    thresholdPct: 10,
    claim: 'Popular advice: never raise weekly distance by more than 10 %.',
    finding: FLAG_EVIDENCE.ten_percent_rule,
    source: FLAG_SOURCES.ten_percent_rule,
  },
  twoWeekProgression: {
    thresholdPct: 30,
    claim: 'Weekly distance growing more than 30 % over two weeks.',
    finding: FLAG_EVIDENCE.weekly_progression,
    source: FLAG_SOURCES.weekly_progression,
  },
} as const;
