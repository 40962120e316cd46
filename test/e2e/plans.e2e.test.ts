/**
 * The Plans screen in a real browser over a seeded runner: the coming weeks keep every run within its
 * ceiling, the calendar download is an iCalendar file, and the warm-up plays like a person would use it
 * (start, countdown, pause, resume, skip, back, to the end with a beep per timed step) with a fake clock, then
 * a programme session is played, stopped and logged. Screenshots: desktop, 360 px, dark, player mid-exercise.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { warmupRoutine } from '../../src/domain/plans/routine.ts';
import {
  ARTIFACTS,
  browserSkipReason,
  openPage,
  startSeededServer,
  useBrowser,
  useServer,
} from '../support/browser.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);
const server = useServer(skip, startSeededServer);

/** "10.2 km" → 10.2 */
function figure(text: string | null): number {
  const match = text?.match(/(\d+(?:\.\d+)?)\s*(km|mi)/);
  assert.ok(match, `expected a distance in "${text}"`);
  return Number(match[1]);
}

/** `weeks` full weeks, after the rest of the current week when the plan opens inside one. */
async function waitForPlan(page: Page, weeks: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.plan-week:not(.partial)').length === n,
    weeks,
  );
}

test('the coming weeks keep every run within its ceiling, and the calendar downloads', { skip }, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/plans' });
  const { page, problems } = watched;
  await waitForPlan(page, 4);
  // The seeded clock is a Sunday: the plan opens on it, the last day of the runner's Monday week.
  assert.match(
    (await page.locator('.plan-week h3').first().textContent()) ?? '',
    /^This week: from Sun 29 Jun/,
  );
  assert.match((await page.locator('.plan-week h3').nth(1).textContent()) ?? '', /^Week 1: from Mon 30 Jun/);
  await page.waitForSelector('.routine-player');
  await page.waitForSelector('.programme-card');
  await page.waitForSelector('.advice-topic >> nth=3');

  const runs = page.locator('li.plan-session[data-kind="run"]');
  const count = await runs.count();
  assert.ok(count >= 4, `expected runs in four weeks, got ${count}`);
  for (let i = 0; i < count; i += 1) {
    const run = runs.nth(i);
    const planned = figure(await run.locator('.planned').textContent());
    const ceiling = figure(await run.locator('.ceiling').textContent());
    assert.ok(
      planned > 0 && planned <= ceiling,
      `run ${i}: ${planned} km shown above its ceiling ${ceiling} km`,
    );
    const plannedM = Number(await run.locator('.planned').getAttribute('data-metres'));
    const ceilingM = Number(await run.locator('.ceiling').getAttribute('data-metres'));
    assert.ok(plannedM <= ceilingM, `run ${i}: ${plannedM} m above its ceiling ${ceilingM} m`);
  }
  const rule = (await page.locator('.plans-section .evidence').first().textContent()) ?? '';
  assert.match(rule, /1\.10 × the longest run.*previous 30 days.*Source: Frandsen/s);
  // The seed's knee is still settling: the 24 km run it began in is left out, and the screen says so.
  assert.match(
    rule,
    /While your knee hurts, the 24\.0 km run on Sun 15 Jun, when the pain began, does not count/,
  );
  // The seeded assessment points at kneecap pain: its programme, why, and where the runner stands.
  const programme = (await page.locator('.programme-card').textContent()) ?? '';
  assert.match(programme, /Kneecap pain/);
  assert.match(programme, /Why this one: Kneecap pain \(patellofemoral pain\) is the most likely condition/);
  assert.match(programme, /You are in phase 1 of 3/);
  // Advice sections start collapsed and carry their sources.
  const topics = page.locator('details.advice-topic');
  assert.ok((await topics.count()) >= 5);
  assert.equal(await page.locator('details.advice-topic[open]').count(), 0);
  await page.locator('#advice-first-days summary').click();
  assert.match(
    (await page.locator('#advice-first-days').textContent()) ?? '',
    /PEACE.*Sources.*Dubois B, Esculier JF/s,
  );
  await watched.screenshot('plans-desktop');

  // Fewer weeks and a weekly goal: the plan and the calendar link follow.
  await page.selectOption('#plan-weeks', '2');
  await waitForPlan(page, 2);
  await page.fill('#plan-goal', '30');
  await page.click('button:has-text("Update plan")');
  await page.waitForFunction(() =>
    document.querySelector('a[download="kneewise-plan.ics"]')?.getAttribute('href')?.includes('goalKm=30'),
  );
  await waitForPlan(page, 2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('a:has-text("Download calendar (.ics)")'),
  ]);
  const ics = await readFile((await download.path()) ?? '', 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r?\n/);
  assert.match(ics, /END:VCALENDAR\s*$/);
  const events = ics.match(/BEGIN:VEVENT/g)?.length ?? 0;
  assert.ok(events >= 7, `expected two weeks of sessions in the calendar, got ${events} events`);

  assert.deepEqual(problems, []);
  await watched.close();
});

test('the Plans screen on a 360 px phone in dark mode', { skip }, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/plans', width: 360, colorScheme: 'dark' });
  const { page, problems } = watched;
  await waitForPlan(page, 4);
  await page.waitForSelector('.programme-card');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await watched.screenshot('plans-phone-dark');
  // The player on a phone: the countdown and all four buttons fit without sideways scrolling.
  await page.click('.routine-player button:has-text("Start")');
  await page.click('.routine-player button:has-text("Pause")');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the playing routine scrolls sideways by ${wide} px`);
  await page
    .locator('.routine-player')
    .screenshot({ path: `${ARTIFACTS}plans-routine-player-phone-dark.png` });
  assert.deepEqual(problems, []);
  await watched.close();
});

/** Counts oscillator starts, so the test knows a beep was really asked of the Web Audio API. */
function spyOnAudio() {
  const w = window as unknown as { __beeps: number; AudioContext: typeof AudioContext };
  w.__beeps = 0;
  const Original = w.AudioContext;
  w.AudioContext = class extends Original {
    override createOscillator(): OscillatorNode {
      const oscillator = super.createOscillator();
      const start = oscillator.start.bind(oscillator);
      oscillator.start = (when?: number) => {
        w.__beeps += 1;
        start(when);
      };
      return oscillator;
    }
  };
}

const countdown = (page: Page) => page.locator('.countdown').textContent();
const stepCount = (page: Page) => page.locator('.step-count').textContent();
const remainingMs = async (page: Page) => Number(await page.locator('.countdown').getAttribute('data-ms'));

test('the warm-up plays with pause, skip, back and a beep per timed step', { skip }, async () => {
  const routine = warmupRoutine();
  const steps = routine.steps.length;
  const watched = await openPage(browser(), server(), { path: '/#/plans' });
  const { page, problems } = watched;
  await page.context().addInitScript(spyOnAudio);
  await page.clock.install();
  await page.reload();
  const player = page.locator('.routine-player');
  await page.waitForSelector('.routine-player[data-phase="ready"]');
  assert.match((await player.locator('h3').textContent()) ?? '', /Dynamic warm-up/);

  await page.click('.routine-player button:has-text("Start")');
  await page.waitForSelector('.routine-player[data-phase="playing"]');
  assert.equal(await countdown(page), '3:00');
  assert.equal(await stepCount(page), `Step 1 of ${steps}`);
  // Focus lands on Pause, so the next key press acts on the player.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Pause');

  // The fake clock moves timers; real milliseconds still pass between steps, and the screen refreshes
  // every 200 ms, so times are checked within a window rather than to the millisecond.
  await page.clock.runFor(5_300);
  assert.equal(await countdown(page), '2:55');

  await page.click('.routine-player button:has-text("Pause")');
  assert.equal(await player.getAttribute('data-paused'), 'true');
  const pausedAt = await remainingMs(page);
  await page.clock.runFor(20_000);
  assert.equal(await remainingMs(page), pausedAt, 'a paused countdown must not move');
  assert.match((await page.locator('.routine-player [role="status"]').textContent()) ?? '', /Paused/);

  // Space resumes (focus is on the Resume button: one press must toggle once, not twice).
  await page.keyboard.press('Space');
  assert.equal(await player.getAttribute('data-paused'), 'false');
  await page.clock.runFor(3_300);
  const ran = pausedAt - (await remainingMs(page));
  // The upper bound leaves room for real time on a loaded CI machine; what it guards against is a resume
  // that did not happen (0) or a pause that kept counting (over 20 s).
  assert.ok(ran >= 3_000 && ran < 5_000, `3.3 s after resuming the step moved on by ${ran} ms`);

  await page.click('.routine-player button:has-text("Skip")');
  assert.equal(await stepCount(page), `Step 2 of ${steps}`);
  assert.equal(await page.locator('.step-name').textContent(), 'Get ready');
  assert.match(
    (await page.locator('.routine-player [role="status"]').textContent()) ?? '',
    new RegExp(`Step 2 of ${steps}: Get ready`),
  );
  assert.equal(await player.getAttribute('data-cues'), '0', 'a skip is not a timed end: no beep');

  // The 5 s "get ready" runs out by itself: a beep, and the next exercise with its how-to.
  await page.clock.runFor(5_300);
  assert.equal(await stepCount(page), `Step 3 of ${steps}`);
  assert.equal(await page.locator('.step-name').textContent(), 'Forward leg swings, left');
  assert.equal(await page.locator('.step-dose').textContent(), '12 slow reps');
  assert.match((await page.locator('ul.how-to').textContent()) ?? '', /Hold a wall or post/);
  assert.equal(await player.getAttribute('data-cues'), '1');
  assert.equal(await page.evaluate(() => (window as unknown as { __beeps: number }).__beeps), 1);
  await page.clock.runFor(10_000);
  assert.match((await countdown(page)) ?? '', /^0:2[56]$/);
  await watched.screenshot('plans-routine-player');

  // Back restarts a step that has been running; → skips from the keyboard.
  await page.click('.routine-player button:has-text("Back")');
  assert.equal(await stepCount(page), `Step 3 of ${steps}`);
  assert.equal(await countdown(page), '0:36');
  await page.click('.routine-player button:has-text("Back")');
  assert.equal(await stepCount(page), `Step 2 of ${steps}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepCount(page), `Step 3 of ${steps}`);
  // A background tab's timers stall: jump 10 s with a single late tick. The countdown measures elapsed time,
  // so it still shows 10 s gone (counting ticks would show 0.2 s).
  const before = await remainingMs(page);
  await page.clock.fastForward(10_000);
  await page.waitForFunction(
    (b) => Number(document.querySelector('.countdown')?.getAttribute('data-ms')) < b - 5_000,
    before,
  );
  const jumped = before - (await remainingMs(page));
  assert.ok(jumped >= 10_000 && jumped < 10_600, `a 10 s stall moved the countdown by ${jumped} ms`);

  // Let it run to the end: every remaining step ends by time and beeps once.
  await page.clock.runFor(15 * 60_000);
  await page.waitForSelector('.routine-player[data-phase="done"]');
  assert.match((await page.locator('.player-done h4').textContent()) ?? '', /Routine complete/);
  const timedEnds = steps - 2 + 1; // steps 3…22 end by time, plus the "get ready" that already beeped
  assert.equal(await player.getAttribute('data-cues'), String(timedEnds));
  assert.equal(await page.evaluate(() => (window as unknown as { __beeps: number }).__beeps), timedEnds);

  // Sound off: the next run-out step makes no sound.
  await page.click('.routine-player button:has-text("Play again")');
  await page.uncheck('.routine-player input[type="checkbox"]');
  await page.click('.routine-player button:has-text("Start")');
  await page.click('.routine-player button:has-text("Skip")');
  await page.clock.runFor(5_200);
  assert.equal(await stepCount(page), `Step 3 of ${steps}`);
  assert.equal(await player.getAttribute('data-cues'), '0');
  assert.equal(await page.evaluate(() => (window as unknown as { __beeps: number }).__beeps), timedEnds);
  await page.click('.routine-player button:has-text("Stop")');
  assert.match((await page.locator('.player-done h4').textContent()) ?? '', /Stopped at step 3 of 22/);

  assert.deepEqual(problems, []);
  await watched.close();
});

test('a programme session is played, stopped and logged with a pain score', { skip }, async () => {
  const watched = await openPage(browser(), server(), { path: '/#/plans' });
  const { page, problems } = watched;
  await page.waitForSelector('.programme-card');
  assert.match((await page.locator('.programme-progress').textContent()) ?? '', /^0 sessions logged/);
  await page.click('label.routine-choice:has-text("Your programme")');
  await page.waitForSelector('.routine-player[data-phase="ready"] h3:has-text("Settle and activate")');
  await page.click('.routine-player button:has-text("Start")');
  await page.click('.routine-player button:has-text("Skip")');
  await page.click('.routine-player button:has-text("Stop")');
  await page.waitForSelector('.routine-player[data-phase="done"]');
  await page.selectOption('.log-session select', '2');
  await page.fill('.log-session textarea', 'Felt fine');
  await page.click('.log-session button:has-text("Log this session")');
  await page.waitForSelector('.routine-player .alert-ok:has-text("Logged")');
  await page.waitForFunction(() =>
    document.querySelector('.programme-progress')?.textContent?.startsWith('1 session logged'),
  );

  const rows = await server()
    .store.db.selectFrom('programme_sessions')
    .selectAll()
    .where('programme_id', '=', 'pfps')
    .execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.local_date, '2025-06-29');
  assert.equal(Number(rows[0]?.pain_during), 2);
  assert.equal(rows[0]?.note, 'Felt fine');
  assert.equal(rows[0]?.session_label, 'Phase 1: Settle and activate');

  assert.deepEqual(problems, []);
  await watched.close();
});

// Last: it switches the runner to miles for the rest of this server's life.
test('a runner in miles sees miles, and a goal typed in miles reaches the API in km', { skip }, async () => {
  const put = await fetch(new URL('/api/settings', server().url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ units: 'mi' }),
  });
  assert.equal(put.status, 200);
  const watched = await openPage(browser(), server(), { path: '/#/plans' });
  const { page, problems } = watched;
  await waitForPlan(page, 4);
  const run = page.locator('li.plan-session[data-kind="run"]').first();
  const planned = (await run.locator('.planned').textContent()) ?? '';
  const ceiling = (await run.locator('.ceiling').textContent()) ?? '';
  assert.match(planned, /^\d+\.\d mi$/);
  assert.match(ceiling, /ceiling \d+\.\d mi$/);
  assert.ok(figure(planned) <= figure(ceiling));
  // The server's note ("about 8.2 km (ceiling …)") is shown in miles too.
  const note = (await run.locator('.session-note').textContent()) ?? '';
  assert.doesNotMatch(note, /\bkm\b/);
  assert.match(note, /about \d+\.\d mi/);
  assert.match((await page.locator('label[for="plan-goal"]').textContent()) ?? '', /\(mi, optional\)/);
  await page.fill('#plan-goal', '20');
  await page.click('button:has-text("Update plan")');
  await page.waitForFunction(() =>
    document.querySelector('a[download="kneewise-plan.ics"]')?.getAttribute('href')?.includes('goalKm=32.19'),
  );
  assert.deepEqual(problems, []);
  await watched.close();
});
