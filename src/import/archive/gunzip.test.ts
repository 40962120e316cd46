import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ImportError } from '../../domain/errors.ts';
import { sniffFormat } from '../sniff.ts';
import { gunzipBytes } from './gunzip.ts';

const corpus = (rel: string) => readFileSync(new URL(`../../../test/corpus/${rel}`, import.meta.url));

function rejectsWith(code: string, pattern: RegExp, fn: () => unknown) {
  assert.throws(
    fn,
    (err: unknown) => err instanceof ImportError && err.code === code && pattern.test(err.message),
  );
}

describe('gunzipBytes', () => {
  it('inflates the real Strava .fit.gz to a FIT file', () => {
    const fit = gunzipBytes(corpus('strava-export/activities/12866632127.fit.gz'), 10_000_000);
    assert.equal(fit.length, 9093);
    assert.equal(sniffFormat(fit), 'fit');
  });

  it('refuses a bad CRC and a truncated stream with GZIP_CORRUPT', () => {
    rejectsWith('GZIP_CORRUPT', /CRC/, () =>
      gunzipBytes(corpus('bad/fit-gz-bad-crc.fit.gz'), 10_000_000, 'x.fit.gz'),
    );
    rejectsWith('GZIP_CORRUPT', /truncated/, () =>
      gunzipBytes(corpus('bad/fit-gz-truncated.fit.gz'), 10_000_000),
    );
    rejectsWith('GZIP_CORRUPT', /1f 8b/, () => gunzipBytes(new Uint8Array([1, 2, 3]), 100));
  });

  it('stops a decompression bomb at maxBytes with FILE_TOO_LARGE', () => {
    const bomb = gzipSync(new Uint8Array(5_000_000));
    assert.ok(bomb.length < 10_000);
    rejectsWith('FILE_TOO_LARGE', /more than 1000000 bytes/, () => gunzipBytes(bomb, 1_000_000, 'bomb.gz'));
    assert.equal(gunzipBytes(bomb, 5_000_000).length, 5_000_000);
  });

  it('inflates concatenated gzip members', () => {
    const two = Buffer.concat([gzipSync(Buffer.from('ab')), gzipSync(Buffer.from('cd'))]);
    assert.equal(Buffer.from(gunzipBytes(two, 100)).toString('utf8'), 'abcd');
  });
});
