/**
 * A new runner with no data and a sore knee, on a 390 px phone: the first screen has the navigation and offers
 * "My knee hurts now — check it" beside the import, in view without scrolling. The knee check runs to a saved
 * result whose differential reads as one list with bands beside the numbers; afterwards Today shows that
 * result (the same tier words and the same first entry), not the welcome again. Also: a check saved before
 * the `differential` field existed still reads as a differential, built from its conditions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { AthleteRepository } from '../../src/db/repositories/athlete.repository.ts';
import { parseAnswers } from '../../src/domain/assessment/answers.schema.ts';
import { assessKnee } from '../../src/domain/assessment/assess.engine.ts';
import { TIER_LOOK } from '../../web/src/knee/urgency-tiers.ts';
import { SCREEN_ALL_CLEAR } from '../factories/knee-answers.factory.ts';
import { auditPage } from '../support/a11y-audit.ts';
import { browserSkipReason, openPage, startTestServer, useBrowser, withServer } from '../support/browser.ts';
import { answerUntil, inWindow, type Story } from '../support/knee-check-ui.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

const NOW = new Date('2026-03-10T09:00:00.000Z');

/** A runner in her twenties with a gradual ache around the kneecap on stairs and squats; no warning signs. */
const KNEECAP_STORY: Story = {
  age: 27,
  sex: 'female',
  side: 'left',
  ...SCREEN_ALL_CLEAR,
  durationDays: 10,
  improving: true,
  groinPain: false,
  hipPain: false,
  backPain: false,
  limp: false,
  numbness: false,
  onset: 'gradual',
  painLocation: 'anterior',
  stairsPain: true,
  squattingPain: true,
  sittingPain: true,
  downhillPain: true,
  risingFromChairPain: true,
  kneelingPain: false,
  jumpingPain: false,
  locking: false,
  givingWay: false,
  catching: false,
  popHeard: false,
  twistingPain: false,
  warmsUp: false,
  painStartsAfterKm: 0,
  jointLineTenderness: false,
  focalBoneTenderness: false,
  hopPain: false,
  weightLoss: false,
  lump: false,
};

const BAND_AND_NUMBER = /(very likely|likely|possible|less likely) · (\d+|under 1) %/;

async function firstEntryName(page: Page): Promise<string> {
  const name = await page.locator('.assessment-result li.condition h4').first().textContent();
  return (name ?? '').replace(/^\s*\d+\.\s*/, '').trim();
}

test('no data, a sore knee: the knee check from the first screen, then Today shows its result', {
  skip,
}, async () => {
  await withServer(startTestServer({ now: () => NOW }), async (server) => {
    const watched = await openPage(browser(), server, { width: 390, height: 844 });
    const { page } = watched;
    await page.getByRole('heading', { name: 'Welcome to kneewise', level: 1 }).waitFor();
    assert.equal(
      await page.getByRole('navigation', { name: 'Screens' }).count(),
      1,
      'navigation from the start',
    );
    const check = page.getByRole('link', { name: 'My knee hurts now — check it' });
    assert.ok(await inWindow(check), 'the knee check is offered without scrolling on a phone');
    assert.equal(
      await page.getByRole('heading', { name: 'Bring in your runs' }).count(),
      1,
      'beside the import',
    );
    assert.deepEqual(await auditPage(page), [], 'the welcome passes the audit');
    await watched.screenshot('first-run-welcome-390');

    await check.click();
    await page.getByRole('heading', { name: 'Knee check', level: 1 }).waitFor();
    await answerUntil(page, KNEECAP_STORY);
    await page.getByRole('button', { name: 'See my result' }).click();
    const banner = page.locator('.assessment-result .urgency-banner');
    await banner.waitFor();
    const tier = (await banner.getAttribute('data-urgency')) as keyof typeof TIER_LOOK;
    assert.ok(tier in TIER_LOOK, `a tier: ${tier}`);
    assert.match((await banner.textContent()) ?? '', new RegExp(TIER_LOOK[tier].name));

    // The differential: one list; dangers (if any) first and labelled, the likely ones with band and number.
    // A danger only an unanswered question keeps open comes last, after the likely ones (data-open).
    const entries = page.locator('.assessment-result li.condition:not([data-open])');
    const kinds = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.ok(kinds.includes('likely'), `likely conditions listed: ${kinds.join(' ')}`);
    const firstLikely = kinds.indexOf('likely');
    assert.ok(
      kinds.slice(firstLikely).every((k) => k === 'likely'),
      `dangers before the likely ones: ${kinds.join(' ')}`,
    );
    for (const text of await entries.allTextContents()) {
      if (/Must be ruled out/.test(text)) continue;
      assert.match(text, BAND_AND_NUMBER, `band beside the number: ${text.slice(0, 120)}`);
    }
    const likelyPfps = page.locator('li.condition[data-kind="likely"][data-condition="pfps"]');
    assert.equal(await likelyPfps.count(), 1, 'patellofemoral pain is among the likely conditions');
    assert.match((await page.locator('.assessment-result').textContent()) ?? '', /not a diagnosis/i);
    const first = await firstEntryName(page);
    await watched.screenshot('first-run-result-390');

    // Today now shows this check, not the welcome.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Welcome to kneewise' }).count(), 0);
    const card = page.getByTestId('knee-card');
    await card.getByTestId('knee-card-first').waitFor();
    const cardText = (await card.textContent()) ?? '';
    assert.match(cardText, new RegExp(TIER_LOOK[tier].name));
    assert.ok(
      cardText.includes(first),
      `Today names the same first entry as the result ("${first}"): ${cardText}`,
    );
    assert.match((await page.locator('main').textContent()) ?? '', /No runs yet/);
    assert.equal(
      await page.locator('main .card').first().getAttribute('data-testid'),
      'knee-card',
      'with no runs, the knee check leads Today',
    );
    assert.deepEqual(await auditPage(page), [], 'Today after a knee check passes the audit');
    await watched.screenshot('first-run-today-390');

    // A reload lands on Today too (the check is data), with the navigation.
    await page.goto(new URL('/', server.url).toString());
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    assert.deepEqual(watched.problems, []);
    await watched.close();
  });
});

test('a check saved before the differential field existed reads as one list, dangers first', {
  skip,
}, async () => {
  const old = {
    urgency: 'urgent',
    urgencyReasons: ['A kneecap that slipped out of place should be seen today.'],
    conditions: [
      {
        id: 'pfps',
        name: 'Patellofemoral pain',
        likelihood: 0.42,
        reasons: ['Hurts on stairs'],
        drivers: [],
      },
      { id: 'itbs', name: 'Iliotibial band syndrome', likelihood: 0.004, reasons: [], drivers: [] },
    ],
    mustNotMiss: [{ id: 'patellar_dislocation', reason: 'The kneecap moved out of place.' }],
    ottawa: { applies: false, positive: false, criteriaMet: [] },
    nextSteps: ['Get seen today.'],
    sources: [],
    disclaimer: 'This is education, not a diagnosis.',
    headline: 'Urgent: get your knee seen today.',
    urgencyDrivers: [],
    notRuledOut: [],
    getHelpWhen: [],
    trainingEvidence: { used: false, summary: [], effects: [] },
    ottawaCriteriaUnknown: [],
    engineVersion: 'assess-1',
  };
  await withServer(
    startTestServer({
      now: () => NOW,
      seed: async (store) => {
        const athlete = await new AthleteRepository(store.db).getOrCreateLocal(NOW.toISOString());
        await store.db
          .insertInto('assessments')
          .values({
            id: 'old-check',
            athlete_id: athlete.id,
            created_at: '2026-03-09T18:00:00.000Z',
            answers_json: JSON.stringify({ age: 30 }),
            result_json: JSON.stringify(old),
            is_demo: 0,
          })
          .execute();
      },
    }),
    async (server) => {
      const watched = await openPage(browser(), server, { path: '/#/knee-check', width: 390, height: 844 });
      const { page } = watched;
      const entries = page.locator('.assessment-result li.condition');
      await entries.first().waitFor();
      const texts = await entries.allTextContents();
      assert.equal(texts.length, 3);
      assert.match(texts[0]!, /Must be ruled out.*Kneecap dislocation.*must be checked/s);
      assert.match(texts[1]!, /Patellofemoral pain.*likely · 42 %/s);
      assert.match(texts[2]!, /less likely · under 1 %/);
      assert.match(
        (await page.locator('.differential-divider').textContent()) ?? '',
        /Once the urgent cause is excluded/,
      );
      // Today's card names the same first entry.
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Today' }).click();
      const first = page.getByTestId('knee-card-first');
      await first.waitFor();
      assert.match((await first.textContent()) ?? '', /Must be ruled out first: Kneecap dislocation/);
      assert.match((await page.getByTestId('knee-card').textContent()) ?? '', /Urgent/);
      assert.equal(await page.getByTestId('thin-history').count(), 0, 'an old check is not called thin');
      await watched.screenshot('knee-check-old-saved-390');
      assert.deepEqual(watched.problems, []);
      await watched.close();
    },
  );
});

test('a thin history says the likelihoods are kept wide and which questions would help', {
  skip,
}, async () => {
  const answers = parseAnswers({ age: 35, side: 'right' });
  const result = assessKnee(answers);
  assert.equal(result.historyIsThin, true, 'two answers are a thin history');
  await withServer(
    startTestServer({
      now: () => NOW,
      seed: async (store) => {
        const athlete = await new AthleteRepository(store.db).getOrCreateLocal(NOW.toISOString());
        await store.db
          .insertInto('assessments')
          .values({
            id: 'thin-check',
            athlete_id: athlete.id,
            created_at: '2026-03-09T18:00:00.000Z',
            answers_json: JSON.stringify(answers),
            result_json: JSON.stringify(result),
            is_demo: 0,
          })
          .execute();
      },
    }),
    async (server) => {
      const watched = await openPage(browser(), server, { path: '/#/knee-check', width: 390, height: 844 });
      const { page } = watched;
      const note = page.getByTestId('thin-history');
      await note.waitFor();
      const text = (await note.textContent()) ?? '';
      assert.match(text, /We know little yet, so these likelihoods are kept wide/);
      for (const q of result.wouldHelp) assert.ok(text.includes(q), `names "${q}"`);
      // The note sits above the list it qualifies.
      const above = await page.evaluate(() => {
        const n = document.querySelector('[data-testid="thin-history"]');
        const l = document.querySelector('.assessment-result li.condition');
        return !!n && !!l && (n.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      });
      assert.ok(above, 'the note comes before the differential');
      assert.deepEqual(watched.problems, []);
      await watched.close();
    },
  );
});
