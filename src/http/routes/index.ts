/** Every API route module, mounted under /api. One file per capability. */
import { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { healthRoutes } from './health.routes.ts';

export function apiRoutes(deps: HttpDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.route('/', healthRoutes(deps));
  return api;
}
