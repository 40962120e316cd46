/**
 * What every route gets: the store, the clock, the PDF renderer and the athlete whose data the request reads.
 * A local install resolves that to its one athlete; the clinic/team server will resolve it from the session.
 */
import type { DatabaseHandle } from '../db/connection.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { PdfRenderer } from '../report/pdf-renderer.ts';

export interface HttpDeps {
  store: DatabaseHandle;
  now: () => Date;
  /** Null when this machine has no Chromium: the report is then HTML only. */
  pdfRenderer: PdfRenderer | null;
  /** Where uploads wait while they are imported. */
  scratchDir: string;
  /** Told after each dashboard import that ended without error; unset for a single runner. */
  afterImport?: ((athleteId: string) => void) | undefined;
}

export interface AppEnv {
  Variables: { athlete: Athlete };
}
