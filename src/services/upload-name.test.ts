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
  const long = `${'x'.repeat(300)}.fit.gz`;
  assert.ok(sanitizeUploadName(long).endsWith('.fit.gz'));
  assert.ok(sanitizeUploadName(long).length <= 120);
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
