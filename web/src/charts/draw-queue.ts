/**
 * Charts are drawn one per task, in the order they ask (document order: effects run top to bottom), so the
 * first chart on screen is painted before the others are built. Drawing the Training screen's five charts in
 * one task held the page for a quarter of a second on a ten-year history before anything showed. The first
 * chart asked for while nothing is pending is drawn at once (in the same frame as the screen around it).
 * A draw that returns a promise (a chart whose code is still loading) holds the queue until it settles, so
 * the charts still arrive in order and one per task.
 */
interface DrawJob {
  draw: () => unknown;
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
  // Even with nothing pending yet: charts asked for later in this same task wait for the next one.
  const next = () => setTimeout(drainOne, 0);
  let drawing: unknown;
  try {
    drawing = job.draw();
  } catch (error) {
    next();
    throw error;
  }
  if (drawing instanceof Promise) drawing.then(next, next);
  else next();
}

/** Draws now when nothing is pending, else after the charts asked before; returns a cancel for the draw. */
export function scheduleDraw(draw: () => unknown): () => void {
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
