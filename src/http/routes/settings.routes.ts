/** GET /settings and PUT /settings (a partial change, checked as a whole before it is stored). */
import { Hono } from 'hono';
import { settingsPatchSchema } from '../../domain/settings-patch.ts';
import { SettingsService } from '../../services/settings.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';
import { jsonBody } from '../validate.ts';

export function settingsRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/settings', (c) => c.json(new SettingsService(deps.store.db, c.get('athlete')).get()))
    .put('/settings', async (c) => {
      const patch = await jsonBody(c, settingsPatchSchema);
      return c.json(await new SettingsService(deps.store.db, c.get('athlete')).update(patch, deps.now()));
    });
}
