/**
 * Server mode in a real browser over a real PostgreSQL (issue 16): the organisation is set up with
 * `kneewise admin` as an administrator would; the clinician joins through the invitation page, signs in, and
 * sees the roster with the athlete whose knee check is urgent first; opens her Today read-only (no journal
 * form). The other athlete signs in, accepts the clinic's request on Sharing, then stops sharing: the
 * clinician's roster loses him; accepting after 10 minutes asks for his password again. Screenshots at 390 and 1280 px go to artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, pgTest } from '../../src/server-mode/server-test.support.ts';
import { HOT_KNEE_EMERGENCY_ANSWERS } from '../factories/knee-answers.factory.ts';
import { browserSkipReason, openPage, useBrowser, type WatchedPage } from '../support/browser.ts';
import {
  adminLink,
  joinAsAthlete,
  Person,
  realProblems,
  shoot,
  signIn,
  startBrowserClinic,
} from './server-people.support.ts';

const skip = browserSkipReason();
const browser = useBrowser(skip);

async function rosterNames(page: Page): Promise<string[]> {
  await page.locator('.roster-athlete').first().waitFor();
  return page.locator('.roster-athlete .roster-name').allTextContents();
}

const body = async (db: string) => {
  const { clock, url, stop } = await startBrowserClinic(db);
  const opened: WatchedPage[] = [];
  try {
    // Set-up as the administrator does it, on the server's machine.
    const ownerLink = await adminLink(db, url, 'create-org', 'North Clinic', '--owner', 'boss@north.test');
    // The owner joins first: an athlete's invitation files the organisation's request in an owner's name.
    await new Person(url).call('POST', '/api/join', {
      token: new URL(ownerLink).hash.replace(/^#token=/, ''),
      displayName: 'Clinic owner',
      password: PASSWORD,
    });
    const clinicianLink = await adminLink(
      db,
      url,
      'invite',
      'North Clinic',
      'physio@north.test',
      '--role',
      'clinician',
    );
    // Zoe's knee check is an emergency; Aaron has nothing to flag (and comes first by name alone).
    const zoe = await joinAsAthlete(
      url,
      await adminLink(db, url, 'invite', 'North Clinic', 'zoe@runner.test', '--athlete'),
      'Zoe Runner',
      'zoe@runner.test',
    );
    await zoe.person.call('POST', `/api/consents/${zoe.grantId}/accept`);
    await zoe.person.call('POST', `/api/athletes/${zoe.athleteId}/assessments`, {
      answers: HOT_KNEE_EMERGENCY_ANSWERS,
    });
    const aaron = await joinAsAthlete(
      url,
      await adminLink(db, url, 'invite', 'North Clinic', 'aaron@runner.test', '--athlete'),
      'Aaron Runner',
      'aaron@runner.test',
    );

    // The clinician makes an account on the invitation page, then signs in.
    const clinician = await openPage(
      browser(),
      { url },
      { path: new URL(clinicianLink).pathname + new URL(clinicianLink).hash },
    );
    opened.push(clinician);
    const { page } = clinician;
    await page.getByRole('heading', { name: 'Join kneewise' }).waitFor();
    await shoot(
      browser(),
      url,
      new URL(clinicianLink).pathname + new URL(clinicianLink).hash,
      'join',
      clinician,
    );
    await page.getByLabel('Your name').fill('Dr Rivers');
    await page.getByLabel(/Choose a password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Make my account' }).click();
    await page.getByRole('heading', { name: 'You have joined' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the used token leaves the address bar');

    // A wrong password is said in words; then the right one opens the roster.
    await page.goto(new URL('/', url).toString());
    await page.getByRole('heading', { name: 'Sign in to kneewise' }).waitFor();
    await shoot(browser(), url, '/', 'sign-in', clinician);
    await page.getByLabel('E-mail').fill('physio@north.test');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('That e-mail and password do not match an account here.').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your athletes' }).waitFor();
    assert.deepEqual(await rosterNames(page), ['Zoe Runner'], 'Aaron has not accepted yet');
    const zoeCard = page.locator('.roster-athlete', { hasText: 'Zoe Runner' });
    assert.match((await zoeCard.locator('.roster-items').textContent()) ?? '', /Emergency/);

    // Aaron accepts the clinic's request on his Sharing page.
    const athlete = await openPage(browser(), { url }, { path: '/sharing' });
    opened.push(athlete);
    await signIn(athlete.page, 'aaron@runner.test');
    const request = athlete.page.locator(`.grant[data-grant="${aaron.grantId}"]`);
    await request.waitFor();
    assert.match((await request.textContent()) ?? '', /North Clinic/);
    // Eleven minutes after signing in, accepting asks for the password again (a wrong one is said so).
    clock.advance(11 * 60_000);
    await request.getByRole('button', { name: 'Accept' }).click();
    const prompt = athlete.page.getByRole('dialog', { name: 'Enter your password again' });
    await prompt.waitFor();
    await prompt.getByLabel('Password').fill('not the password at all');
    await prompt.getByRole('button', { name: 'Confirm' }).click();
    await prompt.getByText('That is not your password. Try again.').waitFor();
    assert.equal(
      await athlete.page.locator(`.grant[data-grant="${aaron.grantId}"][data-status="pending"]`).count(),
      1,
      'nothing is shared before the password is right',
    );
    await athlete.page.setViewportSize({ width: 390, height: 800 });
    await athlete.screenshot('server-reauth-390');
    await athlete.page.setViewportSize({ width: 1280, height: 900 });
    await prompt.getByLabel('Password').fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Confirm' }).click();
    await athlete.page.getByText('North Clinic now sees what you accepted.').waitFor();
    assert.equal(await prompt.count(), 0, 'the prompt closes');
    await athlete.page.locator(`.grant[data-grant="${aaron.grantId}"][data-status="active"]`).waitFor();

    // The clinician's roster: the emergency first, though Aaron comes first by name.
    await page.reload();
    await page.locator('.roster-athlete').nth(1).waitFor();
    assert.deepEqual(await rosterNames(page), ['Zoe Runner', 'Aaron Runner']);
    await shoot(browser(), url, '/', 'roster', clinician);

    // Zoe's Today, read-only: her knee check's urgency shows; the journal has no form for the clinician.
    await zoeCard.getByRole('link', { name: 'Today' }).click();
    await page.locator('.viewing-athlete', { hasText: 'Zoe Runner' }).waitFor();
    assert.match((await page.locator('.viewing-athlete').textContent()) ?? '', /read only/);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0, 'settings are the athlete’s');
    await shoot(
      browser(),
      url,
      new URL(page.url()).pathname + new URL(page.url()).hash,
      'athlete-today',
      clinician,
    );
    assert.equal(
      await page.getByRole('link', { name: 'Check in today' }).count(),
      0,
      'the athlete checks in',
    );
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await page.getByText('Read only: the athlete has not shared their journal with you to add to.').waitFor();
    assert.equal(await page.locator('form.check-in').count(), 0);
    // Her report previews in the frame (the athlete's report.html may be framed by the dashboard).
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    const report = page.frameLocator('iframe[title^="Preview of the report"]');
    assert.ok(((await report.locator('h1').textContent({ timeout: 20_000 })) ?? '').length > 0);
    assert.match(
      (await page.locator('iframe').getAttribute('src')) ?? '',
      new RegExp(`^/api/athletes/${zoe.athleteId}/report\\.html\\?`),
    );

    // Aaron stops sharing; the clinician's roster loses him at once.
    await athlete.page
      .locator(`.grant[data-grant="${aaron.grantId}"]`)
      .getByRole('button', { name: 'Stop sharing' })
      .click();
    await athlete.page.getByText('North Clinic no longer sees your data.').waitFor();
    await shoot(browser(), url, '/sharing', 'sharing', athlete);
    await page.goto(new URL('/', url).toString());
    await page.getByRole('heading', { name: 'Your athletes' }).waitFor();
    assert.deepEqual(await rosterNames(page), ['Zoe Runner']);
    // His audit log names who read his data and why.
    await athlete.page.reload();
    await athlete.page.locator('.audit-log').waitFor();
    assert.match((await athlete.page.locator('.audit-log').textContent()) ?? '', /Dr Rivers/);
    // He exports everything (his password was entered less than 10 minutes ago: no prompt).
    const [download] = await Promise.all([
      athlete.page.waitForEvent('download'),
      athlete.page.getByRole('button', { name: 'Export (JSON)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'kneewise-export.json');

    // The administrator's reset link: a new password, every session ended, then signing in with it.
    const resetLink = await adminLink(db, url, 'reset', 'physio@north.test');
    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const newPassword = 'a brand new password for the clinic';
    await page.getByLabel(/New password/).fill(newPassword);
    await page.getByLabel('The same password again').fill(newPassword);
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the used token leaves the address bar');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, 'physio@north.test', newPassword);
    await page.getByRole('heading', { name: 'Your athletes' }).waitFor();

    for (const watched of opened) assert.deepEqual(realProblems(watched), []);
  } finally {
    for (const watched of opened) await watched.close();
    await stop();
  }
};

if (skip) test('server mode in the browser', { skip }, () => {});
else pgTest('server mode: sign in, roster urgent first, read-only Today, accept and revoke', body, 240_000);
