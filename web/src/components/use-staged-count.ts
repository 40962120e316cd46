/**
 * Mounts a long screen a part at a time: the first part with the screen, then one more after each paint.
 * The Training screen's five chart cards, flags and context cards cost a ten-year history's runner ~0.1 s of
 * rendering and layout before the first paint when mounted at once; staged, the first chart is on screen
 * while the rest are still being built, and later parts are only ever added below what is already shown.
 */
import { useEffect, useState } from 'preact/hooks';

/** How many of `total` parts to show: 1 until `ready`, then one more per paint until all are shown. */
export function useStagedCount(total: number, ready: boolean): number {
  const [count, setCount] = useState(1);
  useEffect(() => {
    if (!ready || count >= total) return;
    // After the paint that showed the parts so far (effects run after paint), the next one.
    const timer = setTimeout(() => setCount((n) => Math.min(total, n + 1)), 0);
    return () => clearTimeout(timer);
  }, [ready, count, total]);
  return Math.min(count, total);
}
