/**
 * Choose → upload → import → summary, in one panel shared by onboarding and Settings. The caller decides what
 * the finished import leads to (`actions`) and hears about it (`onImported`, e.g. to refresh the overview).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ImportReport } from '../types/imports.ts';
import { UploadDropZone } from './upload-drop-zone.tsx';
import { useUploadFlow } from './upload-flow.ts';
import { type HeadingLevel, UploadHeading } from './upload-heading.tsx';
import { UploadProgress } from './upload-progress.tsx';
import { UploadSummary } from './upload-summary.tsx';
import './upload-panel.css';

export function UploadPanel(props: {
  /** Buttons under the summary; `again` goes back to choosing files. */
  actions: (again: () => void) => ComponentChildren;
  onImported?: (report: ImportReport) => void;
  /** The level of the panel's own headings: one under the section that holds it. */
  headingLevel: HeadingLevel;
}) {
  const { phase, start, reset } = useUploadFlow();
  const panel = useRef<HTMLDivElement>(null);
  const { onImported } = props;

  // A finished import moves focus to its summary, so keyboard and screen-reader users land on the result.
  useEffect(() => {
    if (phase.kind === 'done') onImported?.(phase.report);
    if (phase.kind === 'done' || phase.kind === 'failed') {
      panel.current?.querySelector<HTMLElement>('[data-upload-result]')?.focus();
    }
  }, [phase.kind]);

  return (
    <div class="upload-panel" ref={panel}>
      {phase.kind === 'idle' && <UploadDropZone onFiles={start} />}
      {(phase.kind === 'uploading' || phase.kind === 'importing') && (
        <UploadProgress phase={phase} level={props.headingLevel} />
      )}
      {phase.kind === 'done' && (
        <UploadSummary report={phase.report} notUploaded={phase.notUploaded} level={props.headingLevel}>
          {props.actions(reset)}
        </UploadSummary>
      )}
      {phase.kind === 'failed' && (
        <div class="error upload-failed" role="alert">
          <UploadHeading level={props.headingLevel} result>
            The import did not work
          </UploadHeading>
          <p>
            {phase.message}
            {phase.code && <span class="code"> ({phase.code})</span>}
          </p>
          {phase.notUploaded.length > 0 && (
            <p class="muted">Not sent, because kneewise does not read them: {phase.notUploaded.join(', ')}</p>
          )}
          <button type="button" onClick={reset}>
            Choose other files
          </button>
        </div>
      )}
    </div>
  );
}
