import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { cooldownRoutine, warmupRoutine } from '../../domain/plans/routine.ts';
import { type PlayerClock, playRoutine, printRoutine } from './routine-player.ts';

class FakeClock implements PlayerClock {
  t = 0;
  private fns: (() => void)[] = [];
  now() {
    return this.t;
  }
  every(_ms: number, fn: () => void) {
    this.fns.push(fn);
    return () => {
      this.fns = this.fns.filter((f) => f !== fn);
    };
  }
  /** Moves time on and fires the ticker once. */
  tick(ms: number) {
    this.t += ms;
    for (const f of [...this.fns]) f();
  }
  get running() {
    return this.fns.length;
  }
}

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => {
    text += c.toString();
  });
  return { out, text: () => text };
}

test('non-interactive listing prints every step with its duration and the total', () => {
  const { out, text } = capture();
  printRoutine(cooldownRoutine(), out);
  assert.match(text(), /Standing quadriceps stretch, left/);
  assert.match(text(), /30 s {2}Standing quadriceps stretch, right/);
  assert.match(text(), /Total: \d+ min/);
  const { out: out2, text: text2 } = capture();
  printRoutine(cooldownRoutine(), out2, false);
  assert.doesNotMatch(text2(), /Total/);
});

test('the player counts down, shows what is next, pauses, skips and finishes', async () => {
  const clock = new FakeClock();
  const keys = Object.assign(new EventEmitter(), {
    raw: null as boolean | null,
    setRawMode(r: boolean) {
      this.raw = r;
    },
  });
  const { out, text } = capture();
  const routine = warmupRoutine();
  const done = playRoutine(routine, { out, keys, clock });
  assert.equal(keys.raw, true);
  assert.match(text(), /\[1\/\d+\] Brisk walk or easy jog/);
  assert.match(text(), /3:00 {3}next: Get ready/);
  clock.tick(60_000);
  assert.match(text(), /2:00/);
  keys.emit('data', ' ');
  assert.match(text(), /PAUSED/);
  clock.tick(600_000); // paused: nothing moves
  keys.emit('data', ' ');
  assert.match(text().slice(-80), /2:00/);
  keys.emit('data', 's'); // skip the jog
  assert.match(text(), /\[2\/\d+\] Get ready/);
  keys.emit('data', '\x1b[C'); // arrow skips too
  assert.match(text(), /\[3\/\d+\] Forward leg swings, left/);
  clock.tick(10_000_000);
  const result = await done;
  assert.deepEqual(result, { completed: true, quit: false, skipped: 2 });
  assert.equal(clock.running, 0, 'ticker stopped');
  assert.equal(keys.raw, false);
  assert.equal(keys.listenerCount('data'), 0);
  assert.match(text(), /Routine complete/);
});

test('q quits at once', async () => {
  const clock = new FakeClock();
  const keys = new EventEmitter();
  const { out, text } = capture();
  const done = playRoutine(warmupRoutine(), { out, keys, clock });
  keys.emit('data', 'q');
  assert.deepEqual(await done, { completed: false, quit: true, skipped: 0 });
  assert.match(text(), /Stopped/);
});
