/** Every API route module, mounted under /api. One file per capability. */
import { Hono } from 'hono';
import { LoadReportCache } from '../../services/load-snapshot.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { activitiesRoutes } from './activities.routes.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { dataRoutes } from './data.routes.ts';
import { demoRoutes } from './demo.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { importRoutes } from './imports.routes.ts';
import { journalRoutes } from './journal.routes.ts';
import { loadRoutes } from './load.routes.ts';
import { overviewRoutes } from './overview.routes.ts';
import { plansRoutes } from './plans.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { shoesRoutes } from './shoes.routes.ts';
import { todayRoutes } from './today.routes.ts';
import { whyRoutes } from './why.routes.ts';

export function apiRoutes(deps: HttpDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  // Today, training and shoes share the history read once per change and one report per day.
  const loadCache = new LoadReportCache();
  api.route('/', healthRoutes(deps));
  api.route('/', overviewRoutes(deps));
  api.route('/', todayRoutes(deps, loadCache));
  api.route('/', loadRoutes(deps, loadCache));
  api.route('/', activitiesRoutes(deps));
  api.route('/', assessmentRoutes(deps));
  api.route('/', whyRoutes(deps));
  api.route('/', journalRoutes(deps));
  api.route('/', shoesRoutes(deps, loadCache));
  api.route('/', plansRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', settingsRoutes(deps));
  api.route('/', demoRoutes(deps));
  // One import registry per app: its jobs queue so only one import writes to the database at a time.
  api.route('/', importRoutes(deps));
  api.route('/', dataRoutes(deps));
  return api;
}
