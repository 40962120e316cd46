/**
 * The import while it runs: bytes sent, then files imported, each as a <progress> bar with a sentence a
 * screen reader announces. The sentence changes in coarse steps so it is not read out ten times a second.
 */
import type { UploadPhase } from './upload-flow.ts';
import { type HeadingLevel, UploadHeading } from './upload-heading.tsx';

function megabytes(bytes: number): string {
  return bytes >= 10 * 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Rounded down to 10 % steps for the live region. */
function step(done: number, total: number): number {
  return total > 0 ? Math.floor((10 * done) / total) * 10 : 0;
}

type Running = Extract<UploadPhase, { kind: 'uploading' | 'importing' }>;

export function UploadProgress(props: { phase: Running; level: HeadingLevel }) {
  const { phase } = props;
  if (phase.kind === 'uploading') {
    const of = phase.fileCount > 1 ? ` (file ${phase.fileIndex + 1} of ${phase.fileCount})` : '';
    return (
      <div class="upload-progress">
        <UploadHeading level={props.level}>Sending your files to kneewise</UploadHeading>
        <progress max={Math.max(phase.total, 1)} value={phase.sent} aria-label="Upload progress" />
        <p class="upload-progress-text" aria-live="polite">
          Sending: {step(phase.sent, phase.total)} % done
        </p>
        <p class="muted">
          {phase.fileName}
          {of}, {megabytes(phase.sent)} of {megabytes(phase.total)}. The files go to the kneewise server on
          this computer, nowhere else.
        </p>
      </div>
    );
  }
  const { done, total, current } = phase.job.progress;
  const counting = total === 0 || phase.job.queued;
  return (
    <div class="upload-progress">
      <UploadHeading level={props.level}>Reading your activities</UploadHeading>
      {counting ? (
        <progress aria-label="Import progress" />
      ) : (
        <progress max={total} value={done} aria-label="Import progress" />
      )}
      <p class="upload-progress-text" aria-live="polite">
        {phase.job.queued
          ? 'Waiting for another import to finish…'
          : counting
            ? 'Looking inside your files…'
            : `Importing: ${step(done, total)} % done`}
      </p>
      <p class="muted upload-current" data-testid="import-count">
        {counting ? 'Counting the activity files…' : `${done} of ${total} files read.`}
        {current && (
          <>
            {' '}
            Just read <code>{current}</code>
          </>
        )}
      </p>
    </div>
  );
}
