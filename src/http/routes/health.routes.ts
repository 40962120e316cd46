import { Hono } from 'hono';
import packageJson from '../../../package.json' with { type: 'json' };
import type { AppEnv, HttpDeps } from '../app-env.ts';

// A JSON import (not a path read at run time), so the bundled build carries the version with it.
const { version } = packageJson;

export function healthRoutes(_deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', (c) => c.json({ ok: true, version }));
}
