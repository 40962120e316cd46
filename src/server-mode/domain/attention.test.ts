import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadRun } from '../../domain/load/load-report.ts';
import { spikeFromBaseline } from '../../domain/load/session-spike.ts';
import { painStatus } from '../../domain/plans/pain-monitoring.ts';
import { shoeWearStatus } from '../../domain/shoes/shoe-thresholds.ts';
import {
  type AttentionFacts,
  attentionItems,
  type RosterEntry,
  type ShoeFact,
  sortRoster,
  visibleTo,
} from './attention.ts';

const run = (localDate: string, distanceM: number, longestPrev30dM: number | null): LoadRun => ({
  activityId: `run-${localDate}`,
  localDate,
  distanceM,
  longestPrev30dM,
  ...spikeFromBaseline(distanceM, longestPrev30dM),
});

const pain = (localDate: string, painDuring: number, painNextMorning: number) => ({
  localDate,
  painDuring,
  painAfter: null,
  painNextMorning,
});

/** Mornings rising 1 → 2 → 3 over the last runs: the pain model's "not settling". */
const notSettling = [pain('2026-03-02', 3, 1), pain('2026-03-04', 3, 2), pain('2026-03-06', 3, 3)];

const shoe = (name: string, distanceM: number): ShoeFact => ({
  id: name,
  name,
  distanceM,
  status: shoeWearStatus(distanceM),
  alert: shoeWearStatus(distanceM) === 'ok' ? null : `${name}: look at them`,
  lastRunDate: '2026-03-05',
});

function facts(overrides: Partial<AttentionFacts> = {}): AttentionFacts {
  return {
    latestRun: { shared: true, value: run('2026-03-06', 10_000, 10_000) },
    pain: { shared: true, value: { status: painStatus([], '2026-03-07'), lastEntryDate: null } },
    kneeCheck: { shared: true, value: null },
    shoes: { shared: true, value: [] },
    ...overrides,
  };
}

test('nothing to flag: a run at the longest of the month, no pain, no knee check, shoes under their limit', () => {
  const result = attentionItems(facts({ shoes: { shared: true, value: [shoe('Daily', 300_000)] } }));
  assert.deepEqual(result, { items: [], notShared: [] });
});

test('items come in the order of issue 16: emergency knee check, pain not settling, spike, then shoes', () => {
  const status = painStatus(notSettling, '2026-03-07');
  assert.equal(status.trend, 'not-settling', 'the one pain model reads this journal as not settling');
  const result = attentionItems({
    latestRun: { shared: true, value: run('2026-03-06', 13_000, 10_000) },
    pain: { shared: true, value: { status, lastEntryDate: '2026-03-06' } },
    kneeCheck: {
      shared: true,
      value: { urgency: 'emergency', createdAt: '2026-02-20T10:00:00.000Z', headline: 'Go to A&E now' },
    },
    shoes: { shared: true, value: [shoe('Old pair', 900_000), shoe('New pair', 50_000)] },
  });
  assert.deepEqual(
    result.items.map((i) => [i.kind, i.severity, i.date]),
    [
      ['knee-check', 'emergency', '2026-02-20'],
      ['pain', 'pain', '2026-03-06'],
      ['spike', 'spike', '2026-03-06'],
      ['shoes', 'shoes', '2026-03-05'],
    ],
  );
  const spike = result.items[2]!;
  assert.equal(spike.measures.spikePct, 30);
  assert.equal(spike.measures.ceilingM, 11_000, '1.10 × the longest of the 30 days before');
  assert.match(spike.headline, /13\.0 km, 30 % longer/);
  assert.match(result.items[1]!.headline, /not settling/);
});

test('a run at exactly 10 % over stays under the ceiling; a self-care or soon knee check is not flagged', () => {
  const result = attentionItems(
    facts({
      latestRun: { shared: true, value: run('2026-03-06', 11_000, 10_000) },
      kneeCheck: {
        shared: true,
        value: { urgency: 'soon', createdAt: '2026-03-01T00:00:00Z', headline: 'x' },
      },
    }),
  );
  assert.deepEqual(result.items, []);
  const first = attentionItems(facts({ latestRun: { shared: true, value: run('2026-03-06', 9000, null) } }));
  assert.deepEqual(first.items, [], 'no baseline: nothing to compare with');
});

test('pain that is only amber (hold the load) is not flagged', () => {
  const status = painStatus([pain('2026-03-05', 5, 0)], '2026-03-07');
  assert.equal(status.signal, 'amber');
  const result = attentionItems(
    facts({ pain: { shared: true, value: { status, lastEntryDate: '2026-03-05' } } }),
  );
  assert.deepEqual(result.items, []);
});

test('categories not shared are named, never guessed; visibleTo drops what the viewer may not read', () => {
  const coachView = attentionItems(
    facts({
      latestRun: { shared: true, value: run('2026-03-06', 15_000, 10_000) },
      pain: { shared: false },
      kneeCheck: { shared: false },
      shoes: { shared: false },
    }),
  );
  assert.deepEqual(
    coachView.items.map((i) => i.kind),
    ['spike'],
  );
  assert.deepEqual(coachView.notShared, ['knee-check', 'pain', 'shoes']);

  const full = attentionItems({
    latestRun: { shared: true, value: run('2026-03-06', 15_000, 10_000) },
    pain: {
      shared: true,
      value: { status: painStatus(notSettling, '2026-03-07'), lastEntryDate: '2026-03-06' },
    },
    kneeCheck: {
      shared: true,
      value: { urgency: 'urgent', createdAt: '2026-03-01T00:00:00Z', headline: 'x' },
    },
    shoes: { shared: true, value: [] },
  });
  assert.deepEqual(
    full.items.map((i) => i.kind),
    ['knee-check', 'pain', 'spike'],
  );
  const trainingOnly = visibleTo(full, new Set(['training']));
  assert.deepEqual(
    trainingOnly.items.map((i) => i.kind),
    ['spike'],
  );
  assert.deepEqual(trainingOnly.notShared, ['knee-check', 'pain', 'shoes']);
});

test('the roster puts the most severe first, then the most recent, athletes with nothing last', () => {
  const entry = (name: string, f: Partial<AttentionFacts>): RosterEntry => ({
    athleteId: name.toLowerCase(),
    name,
    attention: attentionItems(facts(f)),
  });
  const check = (urgency: 'urgent' | 'emergency', day: string) => ({
    shared: true as const,
    value: { urgency, createdAt: `${day}T08:00:00Z`, headline: 'see someone' },
  });
  const roster = sortRoster([
    entry('Quiet', {}),
    entry('Spiky', { latestRun: { shared: true, value: run('2026-03-06', 20_000, 10_000) } }),
    entry('Urgent', { kneeCheck: check('urgent', '2026-03-05') }),
    entry('OldEmergency', { kneeCheck: check('emergency', '2026-01-02') }),
    entry('NewEmergency', { kneeCheck: check('emergency', '2026-03-01') }),
    entry('Another quiet', {}),
  ]);
  assert.deepEqual(
    roster.map((r) => r.name),
    ['NewEmergency', 'OldEmergency', 'Urgent', 'Spiky', 'Another quiet', 'Quiet'],
  );
});
