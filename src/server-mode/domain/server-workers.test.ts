import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  connectionsFor,
  defaultWorkerCount,
  MAX_WORKERS,
  restartDelayMs,
  scopedPoolSize,
} from './server-workers.ts';

test('the default follows the cores up to 4, and never drops below one process', () => {
  assert.equal(defaultWorkerCount(1), 1);
  assert.equal(defaultWorkerCount(2), 2);
  assert.equal(defaultWorkerCount(4), 4);
  assert.equal(defaultWorkerCount(64), 4);
  assert.equal(defaultWorkerCount(0), 1);
});

test('one process keeps its 20 scoped connections; several share them out, at least 5 each', () => {
  assert.equal(scopedPoolSize(1), 20);
  assert.equal(scopedPoolSize(2), 10);
  assert.equal(scopedPoolSize(3), 7);
  assert.equal(scopedPoolSize(4), 5);
  assert.equal(scopedPoolSize(8), 5);
});

test('every allowed number of processes stays well under PostgreSQL’s default 100 connections', () => {
  assert.equal(connectionsFor(1), 24);
  assert.equal(connectionsFor(2), 28);
  assert.equal(connectionsFor(4), 36);
  for (let n = 1; n <= MAX_WORKERS; n++) assert.ok(connectionsFor(n) <= 72, `${n} processes`);
});

test('a process dying right after start waits longer each time, up to 30 s', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 10].map(restartDelayMs),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000],
  );
});
