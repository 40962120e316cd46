import assert from 'node:assert/strict';
import { it } from 'node:test';
import { scheduleDraw } from '../../web/src/charts/draw-queue.ts';

/** Resolves once no draw is pending (a few tasks later). */
async function settled(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

it('draws the first chart at once and each next one in a later task, in order, skipping cancelled ones', async () => {
  const drawn: string[] = [];
  scheduleDraw(() => drawn.push('spikes'));
  scheduleDraw(() => drawn.push('weekly'));
  const cancelDescent = scheduleDraw(() => drawn.push('descent'));
  scheduleDraw(() => drawn.push('cadence'));
  assert.deepEqual(drawn, ['spikes'], 'only the first chart in the task that asked');
  cancelDescent();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(drawn, ['spikes', 'weekly'], 'one more per task');
  await settled();
  assert.deepEqual(drawn, ['spikes', 'weekly', 'cadence']);

  // Idle again: the next chart asked for is drawn at once.
  scheduleDraw(() => drawn.push('fitness'));
  assert.equal(drawn.at(-1), 'fitness');
});
