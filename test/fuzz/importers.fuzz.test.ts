/**
 * Fuzzing every importer (issue 14, "proof in the repo"): corpus files and hand-made valid FIT, GPX, TCX, gzip,
 * ZIP, Strava CSV and Garmin JSON files, damaged by fast-check, must never throw anything but a coded import
 * error, must finish in bounded time and memory, must store only plausible activities, and must never change
 * what was stored before.
 *
 * `npm test` runs a short pass (well under a minute); `npm run fuzz` runs long (FUZZ_RUNS inputs per property,
 * default 5,000; FUZZ_SEED replays a failure fast-check printed).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { KneewiseError } from '../../src/domain/errors.ts';
import { decodeActivityFile } from '../../src/import/decode-file.ts';
import { parseGarminSummarizedActivities } from '../../src/import/garmin/garmin-activities.parser.ts';
import { parseStravaActivitiesCsv } from '../../src/import/strava/strava-activities.parser.ts';
import { importPaths } from '../../src/services/import/import.service.ts';
import { applyMutations, mutationArb } from './fuzz-mutations.ts';
import { corpusSeeds, handMadeSeeds, type Seed } from './fuzz-seeds.ts';
import { allRows, type FuzzStore, implausibility, openFuzzStore } from './fuzz-store.ts';

const LONG = process.env.FUZZ_LONG === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 5000 : 0)) || undefined;
const replay = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
/** Per input: generous on a shared 2-core machine, far below what a hang or a bomb would take. */
const MAX_DECODE_MS = 5_000;
const MAX_IMPORT_MS = 15_000;
const MAX_RSS_GROWTH_BYTES = 400 * 1024 * 1024;

const seeds: Seed[] = [...handMadeSeeds(), ...corpusSeeds()];
const seedArb = fc.nat({ max: seeds.length - 1 });
const inputArb = fc.tuple(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }));

function mutated([index, mutations]: [number, Parameters<typeof applyMutations>[1]]): {
  seed: Seed;
  bytes: Uint8Array;
  plain: Uint8Array;
} {
  const seed = seeds[index]!;
  const plain = applyMutations(seed.plain, mutations);
  return { seed, plain, bytes: seed.wrap ? seed.wrap(plain) : plain };
}

/** Runs `fn`; anything thrown must be one of our coded errors, never a TypeError or a RangeError. */
function onlyCodedErrors(what: string, fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    assert.ok(
      error instanceof KneewiseError,
      `${what} threw an uncoded ${String(error)}\n${(error as Error).stack}`,
    );
  }
}

describe('fuzzing the importers', {
  timeout: RUNS === undefined ? 120_000 : Number.POSITIVE_INFINITY,
}, () => {
  let store: FuzzStore;
  before(async () => {
    store = await openFuzzStore();
  });
  after(async () => {
    await store.close();
  });

  it('decoders and metadata parsers fail only with coded errors, in bounded time', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { seed, plain, bytes } = mutated(input);
        const t0 = performance.now();
        if (seed.name.startsWith('strava')) {
          onlyCodedErrors(seed.name, () => parseStravaActivitiesCsv(Buffer.from(plain).toString('utf8')));
        } else if (seed.name.startsWith('garmin')) {
          onlyCodedErrors(seed.name, () =>
            parseGarminSummarizedActivities(Buffer.from(plain).toString('utf8')),
          );
        } else if (seed.ext !== '.zip') {
          onlyCodedErrors(seed.name, () => decodeActivityFile(bytes));
        }
        const ms = performance.now() - t0;
        assert.ok(ms < MAX_DECODE_MS, `${seed.name}: ${Math.round(ms)} ms`);
      }),
      { numRuns: RUNS ?? 400, ...replay },
    );
  });

  it('imports never throw, stay bounded, store only plausible runs and never change stored ones', async () => {
    let n = 0;
    const rssAtStart = process.memoryUsage().rss;
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        const { seed, bytes } = mutated(input);
        const path = join(store.dir, `input-${n++}${seed.ext}`);
        writeFileSync(path, bytes);
        const t0 = performance.now();
        const report = await importPaths(store.ctx, [path]);
        const ms = performance.now() - t0;
        assert.ok(ms < MAX_IMPORT_MS, `${seed.name}: ${Math.round(ms)} ms`);
        const rss = process.memoryUsage().rss;
        assert.ok(
          rss - rssAtStart < MAX_RSS_GROWTH_BYTES,
          `${seed.name}: RSS grew to ${Math.round(rss / 2 ** 20)} MB`,
        );
        for (const issue of [...report.skipped, ...report.warnings]) {
          assert.ok(issue.code !== 'DECODE_FAILED', `${seed.name}: uncoded failure ${issue.message}`);
        }
        const rows = await allRows(store.handle);
        for (const row of rows) {
          const before = store.baseline.get(row.id);
          if (before !== undefined) {
            assert.equal(JSON.stringify(row), before, `${seed.name} changed a stored run`);
            continue;
          }
          const problem = implausibility(row);
          assert.equal(problem, null, `${seed.name} stored an implausible run: ${problem}`);
        }
        assert.ok(
          [...store.baseline.keys()].every((id) => rows.some((r) => r.id === id)),
          `${seed.name} removed a stored run`,
        );
      }),
      { numRuns: RUNS ?? 120, ...replay },
    );
  });
});
