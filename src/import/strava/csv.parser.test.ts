import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportError } from '../../domain/errors.ts';
import { isBlankRow, parseCsv } from './csv.parser.ts';

describe('parseCsv', () => {
  it('splits plain rows and keeps empty cells', () => {
    assert.deepEqual(parseCsv('a,b,c\n1,,3\n,,\n'), [
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('reads quoted cells with commas, escaped quotes and raw newlines', () => {
    const text = 'id,desc,n\r\n1,"Hill reps, 6x ""hard""\r\nthen easy\nhome",2\r\n';
    assert.deepEqual(parseCsv(text), [
      ['id', 'desc', 'n'],
      ['1', 'Hill reps, 6x "hard"\r\nthen easy\nhome', '2'],
    ]);
  });

  it('drops a BOM, accepts CR-only lines and a missing final newline', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\r1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps duplicate header names by position', () => {
    assert.deepEqual(parseCsv('Distance,Distance\n3.32,3322.95\n')[0], ['Distance', 'Distance']);
  });

  it('treats a final quoted empty cell as a cell, not the end of the file', () => {
    assert.deepEqual(parseCsv('a,""'), [['a', '']]);
    assert.deepEqual(parseCsv(''), []);
  });

  it('throws CSV_MALFORMED with the line of an unterminated quote', () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"never closed\n4,5\n', 'activities.csv'),
      (err: unknown) =>
        err instanceof ImportError &&
        err.code === 'CSV_MALFORMED' &&
        /activities\.csv: .*line 3/.test(err.message),
    );
  });

  it('recognises blank rows', () => {
    assert.equal(isBlankRow(['', ' ']), true);
    assert.equal(isBlankRow(['', 'x']), false);
  });
});
