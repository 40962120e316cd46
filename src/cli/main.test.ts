/**
 * Dispatch: the command word is found past the global options, and the top-level help printed from the
 * catalogue (what the built CLI does, loading no command) is exactly the help of the real registrations.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { commandCatalogue, commandWord, runCli } from './main.ts';
import type { Io } from './output.ts';

function captureIo(): { io: Io; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  return { io: { stdout, stderr, stdin: new PassThrough(), isTTY: false }, out: () => out, err: () => err };
}

test('the command word is the first argument that is not a global option', () => {
  assert.equal(commandWord(['status']), 'status');
  assert.equal(commandWord(['--db', 'status.sqlite', 'load', '--json']), 'load');
  assert.equal(commandWord(['--db=x.sqlite', 'why']), 'why');
  assert.equal(commandWord(['-V']), undefined);
  assert.equal(commandWord(['--help']), undefined);
  assert.equal(commandWord(['--', 'serve']), 'serve');
});

test('help from the catalogue is the help of the real commands, and a typo gets a suggestion from it', async () => {
  const catalogue = await commandCatalogue();
  assert.ok(catalogue.some((c) => c.name === 'serve' && c.term.startsWith('serve [options]')));
  const real = captureIo();
  const fromCatalogue = captureIo();
  assert.equal(await runCli(['--help'], real.io, null), 0);
  assert.equal(await runCli(['--help'], fromCatalogue.io, catalogue), 0);
  assert.equal(fromCatalogue.out(), real.out());
  assert.match(real.out(), /\n {2}status \[options\] +Today's state/);

  const typo = captureIo();
  assert.equal(await runCli(['stauts'], typo.io, catalogue), 2);
  assert.match(typo.err(), /unknown command 'stauts'[\s\S]*status/);
});
