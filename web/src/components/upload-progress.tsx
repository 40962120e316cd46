/**
 * The import while it runs: bytes sent, then files read, each as a <progress> bar with a sentence a screen
 * reader announces. Several files are counted as files ("6 of 75 files read"), never as a percentage that
 * rounds 6 of 75 down to "0 % done". The announced sentence changes in coarse steps so it is not read out
 * twice a second; the visible count is always current.
 */
import { useRef } from 'preact/hooks';
import type { UploadPhase } from './upload-flow.ts';
import { type HeadingLevel, UploadHeading } from './upload-heading.tsx';

function megabytes(bytes: number): string {
  return bytes >= 10 * 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Rounded down to 10 % steps: when the announced sentence may change. */
function step(done: number, total: number): number {
  return total > 0 ? Math.floor((10 * done) / total) * 10 : 0;
}

/** `text` as of the last time `stage` changed: a live region that speaks once per stage, not per update. */
function useCoarse(stage: string, text: string): string {
  const last = useRef({ stage, text });
  if (last.current.stage !== stage) last.current = { stage, text };
  return last.current.text;
}

const filesRead = (done: number, total: number) =>
  `${done} of ${total} ${total === 1 ? 'file' : 'files'} read`;

type Running = Extract<UploadPhase, { kind: 'uploading' | 'importing' }>;

/** What the live region says, and the stage at which it may next change. */
function liveSentence(phase: Running): [stage: string, sentence: string] {
  if (phase.kind === 'uploading') {
    const pct = step(phase.sent, phase.total);
    return phase.fileCount > 1
      ? [`file-${phase.fileIndex}`, `Sending file ${phase.fileIndex + 1} of ${phase.fileCount}`]
      : [`bytes-${pct}`, `Sending: ${pct} % sent`];
  }
  const { job } = phase;
  const { done, total } = job.progress;
  if (job.queued) return ['queued', 'Waiting for another import to finish…'];
  if (total === 0) return ['counting', 'Looking inside your files…'];
  return [`read-${step(done, total)}-${done === total}`, `Reading: ${filesRead(done, total)}`];
}

export function UploadProgress(props: { phase: Running; level: HeadingLevel }) {
  const { phase } = props;
  const [stage, sentence] = liveSentence(phase);
  const announced = useCoarse(stage, sentence);
  if (phase.kind === 'uploading') {
    return (
      <div class="upload-progress">
        <UploadHeading level={props.level}>Sending your files to kneewise</UploadHeading>
        <progress max={Math.max(phase.total, 1)} value={phase.sent} aria-label="Upload progress" />
        <p class="upload-progress-text" data-testid="upload-count">
          {phase.fileCount > 1 ? `File ${phase.fileIndex + 1} of ${phase.fileCount}: ` : ''}
          {phase.fileName}, {megabytes(phase.sent)} of {megabytes(phase.total)} sent.
        </p>
        <p class="visually-hidden" aria-live="polite">
          {announced}
        </p>
        <p class="muted">The files go to the kneewise server on this computer, nowhere else.</p>
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
      <p class="upload-progress-text" data-testid="import-count">
        {phase.job.queued
          ? 'Waiting for another import to finish…'
          : counting
            ? 'Looking inside your files…'
            : `${filesRead(done, total)}.`}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announced}
      </p>
      {current && !counting && (
        <p class="muted upload-current">
          Just read <code>{current}</code>
        </p>
      )}
    </div>
  );
}
