/**
 * How far a pair has gone towards the common replacement advice: a bar with ticks at the two reminder
 * distances. The bar is decorative; the sentence under it says the same in words.
 */
import { useUnits } from '../settings-context.tsx';
import type { ShoeThresholds, ShoeView } from '../types/shoes.ts';

export function ShoeWearBar(props: { shoe: ShoeView; thresholds: ShoeThresholds }) {
  const units = useUnits();
  const { shoe, thresholds } = props;
  const scale = Math.max(thresholds.checkM * 1.15, shoe.distanceM);
  const pct = (m: number) => `${Math.min(100, (100 * m) / scale).toFixed(2)}%`;
  return (
    <div class="shoe-wear">
      <div class={`shoe-wear-track shoe-wear-${shoe.status}`} aria-hidden="true">
        <div class="shoe-wear-fill" style={{ width: pct(shoe.distanceM) }} />
        <div class="shoe-wear-tick" style={{ left: pct(thresholds.nudgeM) }} />
        <div class="shoe-wear-tick" style={{ left: pct(thresholds.checkM) }} />
      </div>
      <p class="shoe-wear-text">
        The ticks mark {units.distance(thresholds.nudgeM)} and {units.distance(thresholds.checkM)}, the range
        the common advice names
        {shoe.startDistanceM > 0 && <>; this pair came with {units.distance(shoe.startDistanceM)} on it</>}.
      </p>
    </div>
  );
}
