import { dayNumber } from '../load/calendar-day.ts';
import { shoeMileage } from '../shoes/shoe-mileage.ts';
import type { ShoeThresholds } from '../shoes/shoe-thresholds.ts';
import type { DistanceUnits } from '../units.ts';
import {
  type CauseRun,
  type CauseShoe,
  type CauseWindows,
  type FactorFinding,
  noFinding,
  runsBetween,
  totalDistance,
} from './cause-input.ts';
import { dist, percent, plural } from './cause-text.ts';

/**
 * Shoe factors: a pair with many kilometres, and a new pair taken into use just before the onset. Only the
 * shoes worn in the two weeks before the onset are considered, at their distance on the onset day.
 */

function usedRecently(runs: readonly CauseRun[], w: CauseWindows): Map<string, CauseRun[]> {
  const byShoe = new Map<string, CauseRun[]>();
  for (const r of runsBetween(runs, w.recentFrom, w.onsetDay)) {
    if (r.shoeId === null) continue;
    byShoe.set(r.shoeId, [...(byShoe.get(r.shoeId) ?? []), r]);
  }
  return byShoe;
}

export function shoeMileageFactor(
  runs: readonly CauseRun[],
  shoes: readonly CauseShoe[],
  w: CauseWindows,
  units: DistanceUnits,
  thresholds: ShoeThresholds,
  onset: string,
): FactorFinding {
  const used = usedRecently(runs, w);
  if (used.size === 0) {
    return noFinding(
      'shoe_mileage',
      'No shoes are assigned to your runs of the two weeks before the onset.',
      'Assign shoes to your runs (kneewise shoes assign) so their distance can be followed.',
    );
  }
  let worst: { shoe: CauseShoe; distanceM: number; recentRuns: number } | null = null;
  for (const [shoeId, recentRuns] of used) {
    const shoe = shoes.find((s) => s.id === shoeId);
    if (!shoe) continue;
    const m = shoeMileage({ ...shoe, retiredAt: null }, runs, { upTo: onset, thresholds });
    if (worst === null || m.distanceM > worst.distanceM) {
      worst = { shoe, distanceM: m.distanceM, recentRuns: recentRuns.length };
    }
  }
  if (worst === null) return noFinding('shoe_mileage', 'The shoes on your recent runs are no longer stored.');
  const numbers = {
    shoeId: worst.shoe.id,
    shoeName: worst.shoe.name,
    distanceAtOnsetM: worst.distanceM,
    nudgeM: thresholds.nudgeM,
    checkM: thresholds.checkM,
  };
  const text =
    `Your shoes "${worst.shoe.name}" had ${dist(worst.distanceM, units)} by the onset` +
    (worst.shoe.startDistanceM > 0
      ? ` (including ${dist(worst.shoe.startDistanceM, units)} from before)`
      : '') +
    `; ${plural(worst.recentRuns, 'run')} of the last two weeks were in them.`;
  const magnitude = worst.distanceM >= thresholds.checkM ? 1 : worst.distanceM >= thresholds.nudgeM ? 0.5 : 0;
  if (magnitude === 0) return { ...noFinding('shoe_mileage', text), numbers };
  return {
    id: 'shoe_mileage',
    magnitude,
    summary: text,
    advice:
      `Your shoes have ${dist(worst.distanceM, units)}: check them (creased or flattened midsole, worn outsole, ` +
      'uneven wear). If they look worn, replace them; rotating two pairs is a reasonable habit.',
    numbers,
  };
}

/** A pair that started near zero is a new pair (a pair bought second-hand or kept from before is not). */
const NEW_SHOE_MAX_START_M = 50_000;
/**
 * A pair first worn within this many days before the onset is still new: the two weeks of the window plus the
 * four before them, so a pair first worn 17 days earlier that carried most of the window counts as a change.
 */
const NEW_PAIR_DAYS = 42;
/** A pair that carried at least half the window, after carrying under a quarter of the weeks before, is a switch. */
const SWITCH_RECENT_SHARE = 0.5;
const SWITCH_BASELINE_SHARE = 0.25;

interface ShoeChange {
  shoe: CauseShoe;
  first: string;
  /** Share of the window's running distance, 0…1. */
  share: number;
  /** Share of the baseline's distance in shoes, 0…1 (null without baseline runs in shoes). */
  baselineShare: number | null;
  recentRuns: number;
  isNewPair: boolean;
}

/**
 * A change of shoes before the onset: a new pair (first worn in the six weeks before, starting near zero) or
 * a switch to a pair that carried little of the eight weeks before. The pair's share of the window is what
 * matters, so a pair first worn just before the window still counts when it carried most of it.
 */
export function newShoes(
  runs: readonly CauseRun[],
  shoes: readonly CauseShoe[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  const used = usedRecently(runs, w);
  const recent = runsBetween(runs, w.recentFrom, w.onsetDay);
  const baseline = runsBetween(runs, w.baselineFrom, w.baselineTo);
  const baselineWithShoe = baseline.filter((r) => r.shoeId !== null);
  const baselineShoeTotal = totalDistance(baselineWithShoe);
  const recentTotal = totalDistance(recent);
  let best: ShoeChange | null = null;
  for (const [shoeId, recentRuns] of used) {
    const shoe = shoes.find((s) => s.id === shoeId);
    if (!shoe) continue;
    const first = runs.find((r) => r.shoeId === shoeId)!;
    const share = recentTotal > 0 ? totalDistance(recentRuns) / recentTotal : 0;
    const baselineShare =
      baselineShoeTotal > 0
        ? totalDistance(baselineWithShoe.filter((r) => r.shoeId === shoeId)) / baselineShoeTotal
        : null;
    // The pair of the very first stored run is not new: there is no "before" to change from.
    const isNewPair =
      first !== runs[0] &&
      shoe.startDistanceM <= NEW_SHOE_MAX_START_M &&
      dayNumber(first.localDate) > w.onsetDay - NEW_PAIR_DAYS;
    const isSwitch =
      baselineShare !== null && share >= SWITCH_RECENT_SHARE && baselineShare < SWITCH_BASELINE_SHARE;
    if (!isNewPair && !isSwitch) continue;
    if (best === null || share > best.share) {
      best = { shoe, first: first.localDate, share, baselineShare, recentRuns: recentRuns.length, isNewPair };
    }
  }
  if (best === null) {
    if (used.size === 0 || baselineWithShoe.length < 3) {
      return noFinding('new_shoes', 'Not enough runs with shoes assigned to tell whether you changed shoes.');
    }
    return noFinding('new_shoes', 'You ran in the same shoes as in the weeks before.');
  }
  const daysBefore = w.onsetDay - dayNumber(best.first);
  const magnitude = best.share >= 0.5 ? 1 : best.share >= 0.25 ? 0.6 : 0.3;
  const carried =
    `they carried ${plural(best.recentRuns, 'run')} of ${recent.length}, ${percent(100 * best.share)} of your ` +
    `${dist(recentTotal, units)} in the two weeks up to the onset`;
  const summary = best.isNewPair
    ? `You started running in "${best.shoe.name}" on ${best.first}, ${plural(daysBefore, 'day')} before the onset; ${carried}.`
    : `You switched to "${best.shoe.name}": ${carried}, against ${percent(100 * (best.baselineShare ?? 0))} ` +
      'of your distance in shoes in the eight weeks before.';
  return {
    id: 'new_shoes',
    magnitude,
    summary,
    advice:
      'If this pair differs a lot from your usual one (drop, cushioning, stability), alternate it with the old ' +
      'pair for a few weeks instead of switching at once.',
    numbers: {
      shoeId: best.shoe.id,
      shoeName: best.shoe.name,
      firstRunDate: best.first,
      daysBeforeOnset: daysBefore,
      recentRuns: best.recentRuns,
      recentRunsTotal: recent.length,
      recentShare: best.share,
      baselineShare: best.baselineShare,
    },
  };
}
