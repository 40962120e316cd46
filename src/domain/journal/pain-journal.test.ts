import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KneewiseError } from '../errors.ts';
import { type PainEntry, parsePainFields } from './pain-entry.ts';
import { groupEpisodes, latestEpisode } from './pain-episodes.ts';

function entry(
  id: string,
  localDate: string,
  scores: [number | null, number | null, number | null],
  extra: Partial<PainEntry> = {},
): PainEntry {
  return {
    id,
    occurredAt: `${localDate}T18:00:00.000Z`,
    localDate,
    side: 'left',
    regions: ['lateral'],
    painDuring: scores[0],
    painAfter: scores[1],
    painNextMorning: scores[2],
    swelling: null,
    onset: null,
    activityId: null,
    note: null,
    createdAt: `${localDate}T18:00:00.000Z`,
    ...extra,
  };
}

function rejects(fn: () => unknown, field: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof KneewiseError);
    assert.equal(e.code, 'PAIN_INVALID');
    assert.equal(e.kind, 'input');
    assert.match(e.message, field);
    return true;
  });
}

describe('pain entry validation', () => {
  test('accepts a full entry and normalises its fields', () => {
    const f = parsePainFields(
      {
        date: '2025-06-15',
        time: '7:05',
        side: 'Right',
        regions: ['lateral,anterior', 'lateral'],
        during: '4',
        after: '6.5',
        morning: '2',
        swelling: 'mild',
        onset: 'sudden',
        note: 'IT band?',
      },
      { requireCore: true },
    );
    assert.deepEqual(f, {
      date: '2025-06-15',
      time: '07:05',
      side: 'right',
      regions: ['lateral', 'anterior'],
      painDuring: 4,
      painAfter: 6.5,
      painNextMorning: 2,
      swelling: 'mild',
      onset: 'sudden',
      note: 'IT band?',
    });
  });

  test('pain outside 0–10, bad dates and unknown words name the flag and what was expected', () => {
    rejects(
      () => parsePainFields({ date: '2025-06-15', during: '11' }, { requireCore: true }),
      /--during: expected a pain score from 0 to 10, got "11"/,
    );
    rejects(() => parsePainFields({ date: '2025-06-15', after: '-1' }, { requireCore: true }), /--after/);
    rejects(
      () => parsePainFields({ date: '2025-06-15', morning: 'lots' }, { requireCore: true }),
      /--morning/,
    );
    rejects(
      () => parsePainFields({ date: '2025-02-30', during: '3' }, { requireCore: true }),
      /--date: expected a calendar date as YYYY-MM-DD, got "2025-02-30"/,
    );
    rejects(() => parsePainFields({ date: '15/06/2025', during: '3' }, { requireCore: true }), /--date/);
    rejects(
      () => parsePainFields({ date: '2025-06-15', during: '3', regions: 'kneecap' }, { requireCore: true }),
      /--region: expected one of anterior, inferior-patellar/,
    );
    rejects(
      () => parsePainFields({ date: '2025-06-15', during: '3', side: 'middle' }, { requireCore: true }),
      /--side/,
    );
    rejects(
      () => parsePainFields({ date: '2025-06-15', during: '3', time: '25:00' }, { requireCore: true }),
      /--time/,
    );
    rejects(() => parsePainFields({ date: '2025-06-15' }, { requireCore: true }), /at least one pain score/);
  });

  test('an edit may change one field only', () => {
    assert.deepEqual(parsePainFields({ after: '0' }, { requireCore: false }), { painAfter: 0 });
  });
});

describe('episodes', () => {
  test('painful entries within 14 days form one episode; a longer gap starts a new one', () => {
    const entries = [
      entry('a', '2025-05-01', [3, 4, null], { onset: 'sudden', activityId: 'run-1' }),
      entry('b', '2025-05-05', [null, 2, null]),
      entry('c', '2025-05-12', [0, 0, 0]),
      entry('d', '2025-06-10', [null, 5, 3], { side: 'right', regions: ['anterior'] }),
      entry('e', '2025-06-20', [2, null, null]),
    ];
    const episodes = groupEpisodes(entries);
    assert.equal(episodes.length, 2);
    assert.deepEqual(episodes[0], {
      onset: '2025-05-01',
      lastDate: '2025-05-12',
      entryIds: ['a', 'b', 'c'],
      peakPain: 4,
      sides: ['left'],
      regions: ['lateral'],
      onsetType: 'sudden',
      onsetActivityId: 'run-1',
    });
    assert.equal(episodes[1]!.onset, '2025-06-10');
    assert.deepEqual(episodes[1]!.entryIds, ['d', 'e']);
    assert.equal(latestEpisode(entries)?.onset, '2025-06-10');
  });

  test('pain-free entries alone make no episode', () => {
    assert.equal(latestEpisode([entry('a', '2025-05-01', [0, 0, null])]), null);
  });
});
