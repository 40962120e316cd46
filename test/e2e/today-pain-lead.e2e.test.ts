/**
 * Today follows the pain (issue 13, items 4-6). With the seeded runner (report-seed.fixture.ts, 24 km spike on
 * 2025-06-15) and a flare of 7/10 the day before, the next run in large type is the walk-run session from the
 * plan, the 10 % ceiling appears only as context (without the 24 km run the pain began in), the pain alert
 * below says the same, and the Plans screen shows the same session with the same distance.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatabaseHandle } from '../../src/db/connection.ts';
import type { Athlete } from '../../src/db/repositories/athlete.repository.ts';
import { JournalService } from '../../src/services/journal.service.ts';
import { SEED_NOW } from '../factories/report-seed.fixture.ts';
import {
  browserSkipReason,
  openPage,
  startSeededServer,
  useBrowser,
  withServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

async function logFlare(store: DatabaseHandle, athlete: Athlete): Promise<void> {
  await new JournalService(store.db, athlete, () => SEED_NOW).log({
    date: '2025-06-28',
    side: 'right',
    regions: ['anterior'],
    during: 7,
    after: 6,
    run: 'none',
  });
}

test('with pain not settling, Today leads with the walk-run session and the ceiling is context', {
  skip,
}, async () => {
  await withServer(startSeededServer({ alsoSeed: logFlare }), async (server) => {
    for (const width of [390, 1280]) {
      const watched = await openPage(browser(), server, { path: '/#/today', width });
      const { page } = watched;
      const card = page.getByTestId('today-ceiling');
      await card.waitFor();
      assert.equal(await card.getAttribute('data-leads'), 'pain');
      assert.equal(await page.getByTestId('ceiling').count(), 0, 'no "Keep your next run under" headline');
      const session = (await page.getByTestId('next-run-session').textContent()) ?? '';
      const match = /Walk-run level (\d), about (\d+\.\d) km/.exec(session);
      assert.ok(match, `the session leads: ${session}`);
      const why = (await page.getByTestId('next-run-why').textContent()) ?? '';
      assert.match(why, /Pain reached 7\/10 on 2025-06-28, above the 5\/10 limit\./);
      const context = (await page.getByTestId('ceiling-context').textContent()) ?? '';
      assert.match(context, /the 10 % ceiling is \d+\.\d km/);
      assert.doesNotMatch(context, /26\.4 km/);
      const alert = (await page.getByTestId('pain-trend').textContent()) ?? '';
      assert.match(alert, /Knee pain went above 5\/10\./);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (overflow ${overflow}px)`);
      await watched.screenshot(`today-pain-lead-${width}`);
      assert.deepEqual(watched.problems, []);
      await watched.close();

      if (width === 1280) {
        // The same session, same distance, in the plan's own words (the plan starts next Monday, so compare
        // the level's distance where the same level appears).
        const res = await fetch(new URL('/api/plan?weeks=1', server.url));
        const plan = (await res.json()) as {
          pain: { signal: string };
          weeks: { sessions: { walkRunLevel?: number; distanceM: number | null; note: string }[] }[];
        };
        assert.equal(plan.pain.signal, 'red');
        const same = plan.weeks[0]!.sessions.find((s) => s.walkRunLevel === Number(match[1]));
        if (same) assert.equal((same.distanceM! / 1000).toFixed(1), match[2]);
        for (const s of plan.weeks[0]!.sessions.filter((x) => x.walkRunLevel !== undefined))
          assert.match(s.note, /Stop at \d+\.\d km or when the time is up/);
      }
    }
  });
});
