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

it('holds the queue while a chart whose code is still loading draws, then goes on in order', async () => {
  await settled();
  const drawn: string[] = [];
  let arrive: () => void = () => {};
  const code = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  scheduleDraw(() => drawn.push('spikes'));
  scheduleDraw(() => code.then(() => drawn.push('weekly')));
  scheduleDraw(() => drawn.push('descent'));
  await settled();
  assert.deepEqual(drawn, ['spikes'], 'the next chart waits for the one loading');
  arrive();
  await settled();
  assert.deepEqual(drawn, ['spikes', 'weekly', 'descent']);

  // A chart whose code fails to load does not stop the ones after it.
  scheduleDraw(() => Promise.reject(new Error('chunk gone')).catch(() => drawn.push('failed')));
  scheduleDraw(() => Promise.reject(new Error('chunk gone')));
  scheduleDraw(() => drawn.push('fitness'));
  await settled();
  assert.deepEqual(drawn.slice(-2), ['failed', 'fitness']);
});
