import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../app-env.ts';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

export function healthRoutes(_deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', (c) => c.json({ ok: true, version }));
}
