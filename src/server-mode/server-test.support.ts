/**
 * Test support for server mode (PostgreSQL only): a fresh database per test with the server schema, the
 * services over it, a settable clock, and an HTTP client that keeps one cookie per user. Declared with
 * `pgTest`, which fails instead of skipping when KNEEWISE_REQUIRE_POSTGRES=1 and no server is given.
 * Test-only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Hono } from 'hono';
import pg from 'pg';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { createServerApp } from './http/server-app.ts';
import type { ServerDeps, ServerEnv } from './http/server-env.ts';
import { openServerDatabase, type ServerStore } from './repositories/server-database.ts';
import { createServerDeps } from './services/server-services.ts';

export const PUBLIC_URL = 'http://kneewise.test/';

export function pgTest(name: string, fn: (url: string) => Promise<void>, timeout = 120_000): void {
  const baseUrl = process.env.KNEEWISE_TEST_POSTGRES;
  const required = process.env.KNEEWISE_REQUIRE_POSTGRES === '1';
  const skip =
    !baseUrl && !required ? 'no PostgreSQL (set KNEEWISE_TEST_POSTGRES or install postgresql)' : false;
  test(`[postgres] ${name}`, { timeout, skip }, async () => {
    if (!baseUrl)
      throw new Error('PostgreSQL is required for this test run but KNEEWISE_TEST_POSTGRES is not set');
    const dbName = `kw_server_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${dbName}`;
    try {
      await fn(url.toString());
    } finally {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    }
  });
}

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

/** Starts at the real time: PostgreSQL's now() judges grant expiry in the policies, and the two must agree. */
export function settableClock(start = new Date()): Clock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

export interface ServerHarness {
  store: ServerStore;
  deps: ServerDeps;
  app: Hono<ServerEnv>;
  clock: Clock;
  close(): Promise<void>;
}

export async function serverHarness(
  url: string,
  options: { trustProxy?: boolean } = {},
): Promise<ServerHarness> {
  const store = await openServerDatabase(url);
  const clock = settableClock();
  const scratchDir = await mkdtemp(join(tmpdir(), 'kneewise-server-test-'));
  const deps = createServerDeps({
    store,
    settings: { publicUrl: PUBLIC_URL, trustProxy: options.trustProxy ?? false },
    now: clock.now,
    pdfRenderer: null,
    scratchDir,
  });
  const app = createServerApp(deps, { webRoot: null });
  return {
    store,
    deps,
    app,
    clock,
    async close() {
      await deps.roster.alerts.stop();
      await store.close();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client for one person: keeps the session cookie between requests. */
export class Client {
  cookie: string | null = null;
  lastSetCookie: string | null = null;

  constructor(private readonly app: Hono<ServerEnv>) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const raw = body instanceof Uint8Array;
    const init: RequestInit = {
      method,
      headers: {
        host: new URL(PUBLIC_URL).host,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined
          ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' }
          : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) } : {}),
    };
    const response = await this.app.request(new URL(path, PUBLIC_URL).toString(), init);
    const set = response.headers.get('set-cookie');
    if (set) {
      this.lastSetCookie = set;
      const pair = set.split(';')[0]!;
      this.cookie = /=$/.test(pair) || /Max-Age=0/i.test(set) ? null : pair;
    }
    return response;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    status: number,
    body?: unknown,
  ): Promise<T> {
    const response = await this.call(method, path, body);
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${response.status}: ${text.slice(0, 400)}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }
}

/** An organisation with an owner who has signed in, made the way `kneewise admin` does. */
export async function orgWithOwner(h: ServerHarness, name: string, email: string) {
  const org = await h.deps.organisations.createOrganisation(name);
  const link = await h.deps.organisations.invite({
    orgId: org.id,
    email,
    purpose: 'member',
    role: 'owner',
    byUserId: null,
  });
  const owner = new Client(h.app);
  await owner.json('POST', '/api/join', 201, {
    token: tokenOf(link.url),
    displayName: `${name} owner`,
    password: PASSWORD,
  });
  await owner.json('POST', '/api/auth/login', 200, { email, password: PASSWORD });
  return { org, owner };
}

/** Invites and signs in a member of `orgId` (the owner's client sends the invitation). */
export async function member(h: ServerHarness, owner: Client, orgId: string, email: string, role: string) {
  const { url } = await owner.json<{ url: string }>('POST', `/api/orgs/${orgId}/invitations`, 201, {
    purpose: 'member',
    email,
    role,
  });
  const client = new Client(h.app);
  await client.json('POST', '/api/join', 201, {
    token: tokenOf(url),
    displayName: email,
    password: PASSWORD,
  });
  await client.json('POST', '/api/auth/login', 200, { email, password: PASSWORD });
  return client;
}

/** Invites an athlete, who joins and signs in; returns their client, athlete id and the org's pending grant. */
export async function athlete(h: ServerHarness, owner: Client, orgId: string, email: string) {
  const { url } = await owner.json<{ url: string }>('POST', `/api/orgs/${orgId}/invitations`, 201, {
    purpose: 'athlete',
    email,
  });
  const client = new Client(h.app);
  const joined = await client.json<{ athleteId: string; grantId: string; userId: string }>(
    'POST',
    '/api/join',
    201,
    {
      token: tokenOf(url),
      displayName: email.split('@')[0],
      password: PASSWORD,
    },
  );
  await client.json('POST', '/api/auth/login', 200, { email, password: PASSWORD });
  return { client, athleteId: joined.athleteId, grantId: joined.grantId, userId: joined.userId };
}

/** Training and pain rows for an athlete, written as the database owner (the test cluster's superuser). */
export async function seedAthleteData(h: ServerHarness, athleteId: string, firstRun: number): Promise<void> {
  const runs = [0, 1, 2].map((i) =>
    storedActivityRow(
      athleteId,
      firstRun + i,
      `2026-02-${String(20 + i).padStart(2, '0')}`,
      8000,
      h.clock.now(),
      {
        id: `${athleteId}-run-${i}`,
      },
    ),
  );
  await h.store.system.insertInto('activities').values(runs).execute();
  await h.store.system
    .insertInto('pain_entries')
    .values(painEntryRow(`${athleteId}-pain`, athleteId, `private note of ${athleteId}`))
    .execute();
}

/** One pain journal row as stored (a left knee, 3 during, 4 after, 2 the next morning). */
export function painEntryRow(id: string, athleteId: string, note: string | null = null) {
  return {
    id,
    athlete_id: athleteId,
    occurred_at: '2026-02-22T18:00:00.000Z',
    local_date: '2026-02-22',
    side: 'left',
    regions_json: '["anterior"]',
    pain_during: 3,
    pain_after: 4,
    pain_next_morning: 2,
    swelling: 'none',
    onset: 'gradual',
    activity_id: null,
    note,
    created_at: '2026-02-22T18:00:00.000Z',
    is_demo: 0,
  };
}

export const PASSWORD = 'correct horse battery staple';

export function tokenOf(url: string): string {
  return new URL(url).hash.replace(/^#token=/, '');
}
