/**
 * Server mode in a browser, shared by the server-mode end-to-end tests: set-up links from `kneewise admin`,
 * another person's API calls (their own cookie), signing in on the page, screenshots of a page at 390 and
 * 1280 px with the accessibility audit, and the refusals a test provokes on purpose. Test-only.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/http/web-build.ts';
import { startClinicServer } from '../../src/server-mode/http/server.ts';
import type { ServerSettings } from '../../src/server-mode/http/server-env.ts';
import { openServerDatabase } from '../../src/server-mode/repositories/server-database.ts';
import { PASSWORD, settableClock } from '../../src/server-mode/server-test.support.ts';
import { auditPage } from '../support/a11y-audit.ts';
import { ARTIFACTS, type WatchedPage } from '../support/browser.ts';
import { cliOk } from '../support/cli-in-process.ts';

/**
 * Answers the tests provoke on purpose, which Chromium logs as console errors: 401 (who is signed in, before
 * signing in; a wrong password) and 403 (an action with a password older than 10 minutes). Anything else fails.
 */
const EXPECTED_REFUSALS = [
  'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
  'Failed to load resource: the server responded with a status of 403 (Forbidden)',
];

export function realProblems(watched: WatchedPage, alsoExpected: readonly string[] = []): string[] {
  const expected = [...EXPECTED_REFUSALS, ...alsoExpected];
  return watched.problems.filter((p) => !expected.some((e) => p.endsWith(e)));
}

/**
 * The clinic server with the built dashboard on a free port of this machine, its clock settable (a password
 * entered "11 minutes ago"), and the public URL it prints in links set to where it listens.
 */
export async function startBrowserClinic(db: string) {
  const store = await openServerDatabase(db);
  const clock = settableClock();
  const settings: ServerSettings = { publicUrl: 'http://127.0.0.1/', trustProxy: false };
  const server = await startClinicServer({
    store,
    host: '127.0.0.1',
    port: 0,
    settings,
    webRoot: await ensureWebBuild(),
    pdfRenderer: null,
    now: clock.now,
  });
  settings.publicUrl = server.url;
  return {
    store,
    clock,
    url: server.url,
    async stop() {
      await server.stop();
      await store.close();
    },
  };
}

export async function adminLink(db: string, url: string, ...args: string[]): Promise<string> {
  const out = await cliOk(db, 'admin', ...args, '--public-url', url, '--json');
  return (JSON.parse(out) as { url: string }).url;
}

export function tokenOfLink(link: string): string {
  return new URL(link).hash.replace(/^#token=/, '');
}

/** The API as another person's browser would call it: same host, their own cookie. */
export class Person {
  private cookie = '';
  constructor(private readonly base: string) {}
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.base), {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Makes the account an athlete's invitation link is for, and signs them in. */
export async function joinAsAthlete(url: string, link: string, name: string, email: string) {
  const person = new Person(url);
  const joined = await person.call<{ athleteId: string; grantId: string | null }>('POST', '/api/join', {
    token: tokenOfLink(link),
    displayName: name,
    password: PASSWORD,
  });
  await person.call('POST', '/api/auth/login', { email, password: PASSWORD });
  return { person, ...joined };
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to kneewise' }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * artifacts/e2e/server-<name>-<width>.png at 390 and 1280 px, in a fresh page with `cookies`' session; each
 * passes the accessibility audit (which includes no sideways scrolling).
 */
export async function shoot(b: Browser, url: string, path: string, name: string, cookies: WatchedPage) {
  for (const width of [390, 1280]) {
    const context = await b.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await context.addCookies(await cookies.context.cookies());
    // As openPage does: tsx's keepNames wraps functions passed to page.evaluate() in __name().
    await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    const page = await context.newPage();
    await page.goto(new URL(path, url).toString());
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Every part of the page has its answer (a part still "Loading…" is not what people see a moment later).
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: join(ARTIFACTS, `server-${name}-${width}.png`), fullPage: true });
    assert.deepEqual(await auditPage(page), [], `${name} at ${width} px passes the accessibility audit`);
    await context.close();
  }
}
