/**
 * GET /export downloads every stored row of the athlete (kneewise-export-YYYY-MM-DD.json), streamed;
 * GET /export/fhir downloads the same history as a FHIR R4 Bundle (kneewise-fhir-YYYY-MM-DD.json);
 * DELETE /data with `{ "confirm": "delete all my data" }` deletes all of it and resets the settings.
 */
import { Hono } from 'hono';
import { KneewiseError } from '../../domain/errors.ts';
import { DataDeletionService, DELETE_CONFIRMATION } from '../../services/data-deletion.service.ts';
import { DataExportService } from '../../services/data-export.service.ts';
import type { AppEnv, HttpDeps } from '../app-env.ts';

export function dataRoutes(deps: HttpDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/export', (c) => {
      const service = new DataExportService(deps.store.db, c.get('athlete'), deps.now);
      const pieces = service.chunks();
      const encoder = new TextEncoder();
      // Pulled piece by piece: a slow download holds one page of activities, never the whole history.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const next = await pieces.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          } catch (error) {
            controller.error(error);
          }
        },
        async cancel() {
          await pieces.return(undefined);
        },
      });
      return c.body(body, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${service.fileName()}"`,
        'cache-control': 'no-store',
      });
    })
    .get('/export/fhir', async (c) => {
      // The FHIR mapping is loaded with the first FHIR export, not with the server.
      const { FhirExportService } = await import('../../services/fhir-export.service.ts');
      const service = new FhirExportService(deps.store.db, c.get('athlete'), deps.now);
      const { bundle } = await service.export();
      return c.body(JSON.stringify(bundle), 200, {
        'content-type': 'application/fhir+json; fhirVersion=4.0; charset=utf-8',
        'content-disposition': `attachment; filename="${service.fileName()}"`,
        'cache-control': 'no-store',
      });
    })
    .delete('/data', async (c) => {
      // Anything but the exact phrase, a missing body or broken JSON included, deletes nothing.
      const body: unknown = await c.req.json().catch(() => null);
      const confirm =
        typeof body === 'object' && body !== null ? (body as { confirm?: unknown }).confirm : undefined;
      if (confirm !== DELETE_CONFIRMATION) {
        throw new KneewiseError(
          'DELETE_NOT_CONFIRMED',
          `body.confirm: expected exactly "${DELETE_CONFIRMATION}"; nothing was deleted`,
        );
      }
      return c.json(await new DataDeletionService(deps.store.db, c.get('athlete')).deleteAll());
    });
}
