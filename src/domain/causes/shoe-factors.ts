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

/** A pair counts as new while its first run falls in the two weeks before the onset and it started near zero. */
const NEW_SHOE_MAX_START_M = 50_000;

export function newShoes(
  runs: readonly CauseRun[],
  shoes: readonly CauseShoe[],
  w: CauseWindows,
  units: DistanceUnits,
): FactorFinding {
  const used = usedRecently(runs, w);
  const earlierWithShoe = runsBetween(runs, w.baselineFrom, w.baselineTo).filter((r) => r.shoeId !== null);
  if (used.size === 0 || earlierWithShoe.length < 3) {
    return noFinding('new_shoes', 'Not enough runs with shoes assigned to tell whether a pair was new.');
  }
  const recentTotal = totalDistance(runsBetween(runs, w.recentFrom, w.onsetDay));
  let best: { shoe: CauseShoe; first: string; share: number } | null = null;
  for (const [shoeId, recentRuns] of used) {
    const shoe = shoes.find((s) => s.id === shoeId);
    if (!shoe || shoe.startDistanceM > NEW_SHOE_MAX_START_M) continue;
    const first = runs.find((r) => r.shoeId === shoeId);
    if (!first || dayNumber(first.localDate) < w.recentFrom) continue;
    const share = recentTotal > 0 ? totalDistance(recentRuns) / recentTotal : 0;
    if (best === null || share > best.share) best = { shoe, first: first.localDate, share };
  }
  if (best === null) return noFinding('new_shoes', 'You ran in the same shoes as before.');
  const magnitude = best.share >= 0.5 ? 1 : best.share >= 0.25 ? 0.6 : 0.3;
  return {
    id: 'new_shoes',
    magnitude,
    summary:
      `You started running in "${best.shoe.name}" on ${best.first}; they carried ${percent(100 * best.share)} ` +
      `of your ${dist(recentTotal, units)} in the two weeks up to the onset.`,
    advice:
      'If the new pair differs a lot from your old one (drop, cushioning, stability), alternate it with the old ' +
      'pair for a few weeks instead of switching at once.',
    numbers: {
      shoeId: best.shoe.id,
      shoeName: best.shoe.name,
      firstRunDate: best.first,
      recentShare: best.share,
    },
  };
}
