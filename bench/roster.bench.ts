/**
 * `node --import tsx bench/roster.bench.ts [athletes] [runs-per-athlete]`: the roster of one clinician on a
 * throwaway PostgreSQL (KNEEWISE_TEST_POSTGRES, else one started here). Every athlete shares training, symptoms
 * and clinical with the clinic and has a history of runs (one every other day, the last one a spike). Prints:
 * - the roster computed on read (nothing stored yet: every athlete's load report, journal, knee check and shoes);
 * - the alert job per athlete (what runs after an import: compute as the athlete, store);
 * - the roster from stored items (what a clinician sees once the jobs ran).
 * Sequential requests: the cost per request, not throughput.
 */
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/domain/load/calendar-day.ts';
import { athlete, member, orgWithOwner, serverHarness } from '../src/server-mode/server-test.support.ts';
import { todayIn } from '../src/services/activity-history.service.ts';
import { systemTimeZone } from '../src/services/import/zone-offset.ts';
import { storedActivityRow } from '../test/factories/activity-row.factory.ts';
import { scratchPostgres } from './support/scratch-postgres.ts';

const ATHLETES = Number(process.argv[2] ?? 50);
const RUNS = Number(process.argv[3] ?? 365);
const REQUESTS = 10;

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const scratch = await scratchPostgres('kw_roster_bench');
const url = scratch.url;

try {
  const h = await serverHarness(url);
  try {
    const { org, owner } = await orgWithOwner(h, 'Bench Clinic', 'owner@bench.test');
    const clinician = await member(h, owner, org.id, 'clin@bench.test', 'clinician');
    const today = todayIn(h.clock.now(), systemTimeZone());
    const ids: string[] = [];
    for (let a = 0; a < ATHLETES; a++) {
      const runner = await athlete(h, owner, org.id, `runner${a}@bench.test`);
      await runner.client.json('POST', `/api/consents/${runner.grantId}/accept`, 200);
      const rows = Array.from({ length: RUNS }, (_, i) =>
        storedActivityRow(
          runner.athleteId,
          i,
          addDays(today, -2 * (RUNS - i)),
          i === RUNS - 1 ? 16_000 : 8000 + (i % 5) * 500,
          h.clock.now(),
          { id: `${runner.athleteId}-${i}`, external_id: `${runner.athleteId}-${i}` },
        ),
      );
      for (let i = 0; i < rows.length; i += 500) {
        await h.store.system
          .insertInto('activities')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      ids.push(runner.athleteId);
    }
    console.log(`${ATHLETES} athletes × ${RUNS} runs, one clinician (training, symptoms, clinical)`);

    // Nothing stored: every roster read computes. The queue is stopped so no job runs beside the timings
    // (the jobs are timed one by one below).
    await h.deps.roster.alerts.stop();
    const onRead: number[] = [];
    for (let i = 0; i < 3; i++) {
      onRead.push(await timed(() => clinician.json('GET', '/api/server/roster', 200)));
    }
    console.log(
      `roster computed on read: ${stats(onRead)} (${(onRead[0]! / ATHLETES).toFixed(1)} ms per athlete)`,
    );

    const jobs: number[] = [];
    for (const id of ids) jobs.push(await timed(() => h.deps.roster.refresh.refresh(id)));
    console.log(`alert job (compute as the athlete, store): ${stats(jobs)}`);

    const stored: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      stored.push(
        await timed(async () => {
          const body = await clinician.json<{ athletes: { source: string }[] }>(
            'GET',
            '/api/server/roster',
            200,
          );
          if (body.athletes.some((a) => a.source !== 'stored')) throw new Error('expected stored items');
        }),
      );
    }
    console.log(`roster from stored items: ${stats(stored)}`);
  } finally {
    await h.close();
  }
} finally {
  await scratch.drop();
}
