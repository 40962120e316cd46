/** The background import jobs of POST/GET /api/imports (src/http/API.md) and the `import --json` report. */
import type { ImportIssue } from '../../../src/domain/activity/activity.ts';

export type { ImportIssue } from '../../../src/domain/activity/activity.ts';

export interface ImportReport {
  imported: number;
  duplicates: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export type ImportJobState = 'receiving' | 'importing' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  state: ImportJobState;
  /** The uploaded files, by the names they are reported under. */
  files: string[];
  progress: { done: number; total: number; current: string | null };
  /** The `kneewise import --json` report, once the import ended. */
  report: ImportReport | null;
  error: { code: string; message: string } | null;
  /** Started, but waiting for another import to finish. */
  queued: boolean;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportJobResponse {
  job: ImportJob;
}

/** POST /api/demo: `demo --json`; only the fact that it worked matters to the dashboard. */
export type DemoResponse = Record<string, unknown>;
