/**
 * Charts are drawn one per task, in the order they ask (document order: effects run top to bottom), so the
 * first chart on screen is painted before the others are built. Drawing the Training screen's five charts in
 * one task held the page for a quarter of a second on a ten-year history before anything showed. The first
 * chart asked for while nothing is pending is drawn at once (in the same frame as the screen around it).
 */
interface DrawJob {
  draw: () => void;
  cancelled: boolean;
}

const pending: DrawJob[] = [];
let draining = false;

/** Draws the next chart, then gives the browser a task boundary (to paint) before the one after. */
function drainOne(): void {
  let job = pending.shift();
  while (job?.cancelled) job = pending.shift();
  if (job === undefined) {
    draining = false;
    return;
  }
  try {
    job.draw();
  } finally {
    // Even with nothing pending yet: charts asked for later in this same task wait for the next one.
    setTimeout(drainOne, 0);
  }
}

/** Draws now when nothing is pending, else after the charts asked before; returns a cancel for the draw. */
export function scheduleDraw(draw: () => void): () => void {
  const job: DrawJob = { draw, cancelled: false };
  if (!draining) {
    draining = true;
    pending.push(job);
    drainOne();
  } else {
    pending.push(job);
  }
  return () => {
    job.cancelled = true;
  };
}
