/**
 * Test support for the route tests (*.routes.db.test.ts): the real app over a fresh database, optionally
 * seeded with the report runner, requests through `app.request()`, and the CLI run in-process on the same
 * database to compare documents. Test-only.
 */
import { PassThrough } from 'node:stream';
import type { Hono } from 'hono';
import { SEED_NOW, seedReportRunner } from '../../../test/factories/report-seed.fixture.ts';
import type { TestDatabase } from '../../../test/support/test-databases.ts';
import { runCli } from '../../cli/main.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { Athlete } from '../../db/repositories/athlete.repository.ts';
import type { PdfRenderer } from '../../report/pdf-renderer.ts';
import { createHttpApp } from '../app.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';

export interface Harness {
  handle: DatabaseHandle;
  /** The seeded runner, or null for an empty database. */
  athlete: Athlete | null;
  /** A request to /api`path`; a `body` is sent as JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GET /api`path`, expecting `status`, parsed as JSON. */
  get<T = Record<string, unknown>>(path: string, status?: number): Promise<T>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  seed?: 'report' | 'training-only' | 'none';
  routes?: (deps: HttpDeps) => Hono<AppEnv>;
  pdfRenderer?: PdfRenderer | null;
  scratchDir?: string;
  now?: () => Date;
}

export async function harness(tdb: TestDatabase, options: HarnessOptions = {}): Promise<Harness> {
  const handle = await tdb.open();
  const seed = options.seed ?? 'report';
  const athlete =
    seed === 'none' ? null : await seedReportRunner(handle, { trainingOnly: seed === 'training-only' });
  const app = createHttpApp(
    {
      store: handle,
      now: options.now ?? (() => SEED_NOW),
      pdfRenderer: options.pdfRenderer ?? null,
      scratchDir: options.scratchDir ?? '/tmp/kneewise-route-tests',
    },
    { webRoot: null, ...(options.routes ? { routes: options.routes } : {}) },
  );
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(`http://127.0.0.1/api${path}`, {
      method,
      headers,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json', ...headers },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
    });
  return {
    handle,
    athlete,
    call,
    async get<T>(path: string, status = 200) {
      const response = await call('GET', path);
      const text = await response.text();
      if (response.status !== status) throw new Error(`GET ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as T;
    },
    async close() {
      await handle.close();
      // pg-pool's end() resolves before its sockets have closed; dbTest then drops the database WITH
      // (FORCE), and a socket still closing gets "terminating connection" as an uncaught error. A short
      // pause lets them close (the proper fix belongs in test/support/test-databases.ts).
      if (handle.dialect === 'postgres') await new Promise((resolve) => setTimeout(resolve, 150));
    },
  };
}

/** The error body of a response, asserting its status. */
export async function errorOf(
  response: Response,
  status: number,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

/** Runs the CLI in-process on the same database and returns its parsed --json document. */
export async function cliJson(dbUrl: string, args: readonly string[], stdin = ''): Promise<unknown> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(['--db', dbUrl, ...args], { stdout, stderr, stdin: input, isTTY: false });
  if (code !== 0) throw new Error(`kneewise ${args.join(' ')} exited ${code}: ${err}`);
  return JSON.parse(out);
}

export { SEED_NOW };
