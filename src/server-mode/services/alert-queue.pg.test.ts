/**
 * `serve --server --workers N` runs the roster's job queue in every server process. Checked on a real
 * PostgreSQL with two queues over two stores (as two processes have): pg-boss's schema made once beforehand
 * (as the first process does: two pg-boss starts on a new database collide creating it), started together
 * they register the nightly schedule once, and every job queued through either runs exactly once.
 */
import assert from 'node:assert/strict';
import { openServerDatabase } from '../repositories/server-database.ts';
import { pgTest } from '../server-test.support.ts';
import { AlertQueue, NIGHTLY_QUEUE } from './alert-queue.ts';

pgTest('two server processes share the job queue: one nightly schedule, each job run once', async (url) => {
  const first = await openServerDatabase(url);
  const second = await openServerDatabase(url, '--db', { migrate: false, scopedPoolSize: 5 });
  const runs: string[] = [];
  const worker = (name: string) => async (athleteId: string) => {
    runs.push(`${athleteId} by ${name}`);
    // Long enough that the other queue polls while this job is still running.
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  const queues = [
    new AlertQueue(first.system, worker('first'), { pollingIntervalSeconds: 0.5 }),
    new AlertQueue(second.system, worker('second'), { pollingIntervalSeconds: 0.5 }),
  ];
  try {
    await AlertQueue.prepare(first.system);
    const [boss] = await Promise.all(queues.map((q) => q.start()));
    const schedules = await boss!.getSchedules();
    assert.deepEqual(
      schedules.map((s) => s.name),
      [NIGHTLY_QUEUE],
    );
    const athletes = Array.from({ length: 8 }, (_, i) => `athlete-${i}`);
    for (const [i, id] of athletes.entries()) await queues[i % 2]!.enqueue(id);
    for (let i = 0; i < 200 && runs.length < athletes.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Both keep polling a while longer: a job fetched twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const ran = runs.map((r) => r.split(' by ')[0]).sort();
    assert.deepEqual(ran, athletes, `each job once: ${runs.join(', ')}`);
  } finally {
    await Promise.all(queues.map((q) => q.stop()));
    await first.close();
    await second.close();
  }
});
