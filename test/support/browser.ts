/**
 * End-to-end support: a real kneewise server (the built dashboard over a fresh SQLite file) and Debian's
 * Chromium driven by playwright-core. Every page is watched: a console error or a request to anywhere but
 * this server fails the test. Screenshots go to artifacts/e2e/ — look at them.
 *
 * Chromium missing: the e2e tests skip, unless KNEEWISE_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';
import type { Athlete } from '../../src/db/repositories/athlete.repository.ts';
import { startServer } from '../../src/http/server.ts';
import { ensureWebBuild } from '../../src/http/web-build.ts';
import { defaultPdfRenderer } from '../../src/report/pdf-renderer.ts';
import { SEED_NOW, type SeedOptions, seedReportRunner } from '../factories/report-seed.fixture.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

/** The reason to skip browser tests here, or false to run them. Throws in CI when Chromium is missing. */
export function browserSkipReason(): string | false {
  if (chromiumPath()) return false;
  if (process.env.KNEEWISE_REQUIRE_BROWSER === '1') {
    throw new Error('Chromium is required (KNEEWISE_REQUIRE_BROWSER=1) but none was found: install chromium');
  }
  return 'no Chromium on this machine (install chromium, or set CHROMIUM_PATH)';
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium');
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

export interface TestServer {
  url: string;
  store: DatabaseHandle;
  dbPath: string;
  stop(): Promise<void>;
}

/** A kneewise server on a free port over a fresh SQLite database. `seed` runs before it starts. */
export async function startTestServer(
  options: { seed?: (store: DatabaseHandle) => Promise<void>; now?: () => Date } = {},
): Promise<TestServer> {
  const webRoot = await ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'kneewise-e2e-'));
  const dbPath = join(dir, 'kneewise.sqlite');
  const store = await openDatabase(dbPath);
  if (options.seed) await options.seed(store);
  const server = await startServer({
    store,
    port: 0,
    webRoot,
    pdfRenderer: defaultPdfRenderer(),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    url: server.url,
    store,
    dbPath,
    async stop() {
      await server.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A server over the runner of report-seed.fixture.ts, its clock at SEED_NOW. `alsoSeed` adds what one test
 * needs on top of that runner.
 */
export function startSeededServer(
  options: SeedOptions & { alsoSeed?: (store: DatabaseHandle, athlete: Athlete) => Promise<void> } = {},
): Promise<TestServer> {
  const { alsoSeed, ...seedOptions } = options;
  return startTestServer({
    now: () => SEED_NOW,
    seed: async (store) => {
      const athlete = await seedReportRunner(store, seedOptions);
      await alsoSeed?.(store, athlete);
    },
  });
}

/** Runs `use` against a server of its own, and stops that server afterwards whatever happens. */
export async function withServer(
  starting: Promise<TestServer>,
  use: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await starting;
  try {
    await use(server);
  } finally {
    await server.stop();
  }
}

/**
 * Something the calling file's tests share: opened before them (not when they skip), closed after them.
 * Returns a getter, as the thing exists only once the hook has run.
 */
function useForFile<T>(
  skip: string | false,
  open: () => Promise<T>,
  close: (value: T) => Promise<void>,
  what: string,
): () => T {
  let value: T | undefined;
  before(async () => {
    if (!skip) value = await open();
  });
  after(async () => {
    if (value !== undefined) await close(value);
  });
  return () => {
    if (value === undefined) throw new Error(`the ${what} is not started yet: call the getter inside a test`);
    return value;
  };
}

/** One Chromium for the calling file's tests. */
export function useBrowser(skip: string | false): () => Browser {
  return useForFile(skip, launchBrowser, (browser) => browser.close(), 'browser');
}

/** One server shared by the calling file's tests, e.g. `useServer(skip, startSeededServer)`. */
export function useServer(skip: string | false, start: () => Promise<TestServer>): () => TestServer {
  return useForFile(skip, start, (server) => server.stop(), 'server');
}

/** GET /api<path> on `server`, which must answer 200; its JSON body. */
export async function apiGet<T>(server: Pick<TestServer, 'url'>, path: string): Promise<T> {
  const response = await fetch(new URL(`/api${path}`, server.url));
  assert.equal(response.status, 200, `GET ${path}`);
  return (await response.json()) as T;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and requests that left the server, in order. */
  problems: string[];
  /** Saves artifacts/e2e/<name>.png (full page). */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  /** Any kneewise server: a test server, or `kneewise serve` run as a process. */
  server: Pick<TestServer, 'url'>,
  options: {
    path?: string;
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
    acceptDownloads?: boolean;
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: options.acceptDownloads ?? true,
    reducedMotion: 'reduce',
  });
  // tsx compiles tests with esbuild's keepNames, which wraps named functions in `__name(fn, "name")`; a
  // function passed to page.evaluate() carries that call into the page, so the page needs the helper too.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(server.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request left the machine: ${url}`);
    }
  });
  await page.goto(new URL(options.path ?? '/', server.url).toString());
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    context,
    problems,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}
