/**
 * The import as a small state machine: choose files → upload them (bytes, with progress) → the server imports
 * them in the background while we poll → a report. One hook so onboarding and Settings behave the same.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportJob, ImportReport } from '../types/imports.ts';
import {
  addFileToJob,
  type ChosenFile,
  createJob,
  isImportable,
  jobError,
  readJob,
  startJob,
} from './upload-client.ts';

const POLL_MS = 500;

export type UploadPhase =
  | { kind: 'idle' }
  | {
      kind: 'uploading';
      fileIndex: number;
      fileCount: number;
      fileName: string;
      /** Bytes sent over all files so far, and all files' total. */
      sent: number;
      total: number;
    }
  | { kind: 'importing'; job: ImportJob }
  | { kind: 'done'; report: ImportReport; notUploaded: string[] }
  | { kind: 'failed'; message: string; code: string | null; notUploaded: string[] };

export interface UploadFlow {
  phase: UploadPhase;
  /** Upload and import these files (non-importable ones are left out and listed). */
  start: (files: readonly ChosenFile[]) => void;
  /** Back to choosing files. */
  reset: () => void;
}

function codeOf(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

export function useUploadFlow(): UploadFlow {
  const [phase, setPhase] = useState<UploadPhase>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);

  // Leaving the screen stops the upload and the polling; the server finishes an import it already started.
  useEffect(() => () => running.current?.abort(), []);

  const reset = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setPhase({ kind: 'idle' });
  }, []);

  const start = useCallback((chosen: readonly ChosenFile[]) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    const files = chosen.filter(isImportable);
    const notUploaded = chosen.filter((f) => !isImportable(f)).map((f) => f.name);
    if (files.length === 0) {
      setPhase({
        kind: 'failed',
        code: 'NO_IMPORTABLE_FILES',
        message:
          chosen.length === 0
            ? 'No files were chosen.'
            : 'None of these files is one kneewise can read. Choose a Strava or Garmin export ZIP, or .fit, .gpx or .tcx files (optionally .gz).',
        notUploaded,
      });
      return;
    }
    const total = files.reduce((n, f) => n + f.file.size, 0);

    const run = async () => {
      let sentBefore = 0;
      let job: ImportJob | null = null;
      for (const [index, file] of files.entries()) {
        const show = (loaded: number) =>
          !signal.aborted &&
          setPhase({
            kind: 'uploading',
            fileIndex: index,
            fileCount: files.length,
            fileName: file.name,
            sent: sentBefore + Math.min(loaded, file.file.size),
            total,
          });
        show(0);
        const onProgress = (p: { loaded: number }) => show(p.loaded);
        try {
          job =
            job === null
              ? await createJob(file, onProgress, signal)
              : await addFileToJob(job.id, file, onProgress, signal);
        } catch (error) {
          // One unreadable or refused file is listed as not uploaded; the others still go (as the CLI does).
          if (signal.aborted) throw error;
          notUploaded.push(file.name);
        }
        sentBefore += file.file.size;
      }
      if (job === null) {
        setPhase({
          kind: 'failed',
          code: 'NO_FILE_UPLOADED',
          message: 'None of the chosen files could be uploaded: they may be empty, unreadable or refused.',
          notUploaded,
        });
        return;
      }
      job = await startJob(job.id);
      while (!signal.aborted) {
        if (job.state === 'done' && job.report) {
          setPhase({ kind: 'done', report: job.report, notUploaded });
          return;
        }
        if (job.state === 'failed') {
          setPhase({ kind: 'failed', ...jobError(job), notUploaded });
          return;
        }
        setPhase({ kind: 'importing', job });
        await sleep(POLL_MS, signal);
        if (signal.aborted) return;
        job = await readJob(job.id);
      }
    };

    run().catch((error: unknown) => {
      if (signal.aborted) return;
      setPhase({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
        code: codeOf(error),
        notUploaded,
      });
    });
  }, []);

  return { phase, start, reset };
}
