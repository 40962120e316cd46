import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KneewiseError } from '../domain/errors.ts';
import { sanitizeUploadName, uniqueUploadName } from './upload-name.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as KneewiseError).code;
  }
  return null;
};

test('an uploaded name keeps only its last path part, without control characters or leading dots', () => {
  assert.equal(sanitizeUploadName('export.zip'), 'export.zip');
  assert.equal(sanitizeUploadName('../../etc/passwd'), 'passwd');
  assert.equal(sanitizeUploadName('C:\\Users\\me\\run.fit'), 'run.fit');
  assert.equal(sanitizeUploadName(' a\u0000b\u001f.fit '), 'ab.fit');
  assert.equal(sanitizeUploadName('.hidden.gpx'), 'hidden.gpx');
  assert.equal(sanitizeUploadName('Mañana löp 🏃.tcx'), 'Mañana löp 🏃.tcx');
});

test('a long name is kept by its end within 200 bytes; a name no file system could hold is refused', () => {
  const long = `${'x'.repeat(240)}.fit.gz`;
  assert.ok(sanitizeUploadName(long).endsWith('x.fit.gz'));
  assert.ok(Buffer.byteLength(sanitizeUploadName(long)) <= 200);
  // 60 runners are 240 bytes: counted in bytes, not characters, and never cut inside one.
  const emoji = `${'🏃'.repeat(60)}.fit`;
  const kept = sanitizeUploadName(emoji);
  assert.ok(Buffer.byteLength(kept) <= 200, `${Buffer.byteLength(kept)} bytes`);
  assert.match(kept, /^(🏃)+\.fit$/u);
  for (const tooLong of [`${'x'.repeat(300)}.fit.gz`, `${'🏃'.repeat(120)}.fit`]) {
    assert.equal(
      codeOf(() => sanitizeUploadName(tooLong)),
      'IMPORT_NAME_TOO_LONG',
    );
  }
  assert.throws(() => sanitizeUploadName(`${'🏃'.repeat(120)}.fit`), /at most 255 bytes; this one has 484/);
});

test('no name, or a name that is only dots and slashes, is refused with its own code', () => {
  assert.equal(
    codeOf(() => sanitizeUploadName(undefined)),
    'IMPORT_NAME_MISSING',
  );
  assert.equal(
    codeOf(() => sanitizeUploadName('   ')),
    'IMPORT_NAME_MISSING',
  );
  for (const bad of ['..', '.', '../', 'a/..', '/', '\\..\\']) {
    assert.equal(
      codeOf(() => sanitizeUploadName(bad)),
      'IMPORT_NAME_INVALID',
      bad,
    );
  }
});

test('a second file of the same name gets a number before its whole extension', () => {
  assert.equal(uniqueUploadName('run.fit', new Set()), 'run.fit');
  assert.equal(uniqueUploadName('run.fit.gz', new Set(['run.fit.gz'])), 'run (2).fit.gz');
  assert.equal(uniqueUploadName('export.zip', new Set(['export.zip', 'export (2).zip'])), 'export (3).zip');
  assert.equal(uniqueUploadName('README', new Set(['README'])), 'README (2)');
});
