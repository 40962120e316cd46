/**
 * The end of an import: how many activities arrived, how many were already there, and every file that was
 * left out with the reason in plain words (the code in small print, for a bug report).
 */
import type { ComponentChildren } from 'preact';
import type { ImportIssue, ImportReport } from '../types/imports.ts';
import { type HeadingLevel, UploadHeading } from './upload-heading.tsx';

/** Long lists fold away so the summary stays readable after a 3,000-file export. */
const OPEN_UP_TO = 8;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function IssueList(props: { issues: readonly ImportIssue[]; testId: string }) {
  return (
    <ul class="issue-list" data-testid={props.testId}>
      {props.issues.map((issue, i) => (
        // Files can repeat (one issue per activity), so the index keeps keys unique.
        <li key={i}>
          <span class="issue-file">{issue.file}</span>
          <span class="issue-message">{issue.message}</span>
          <small class="issue-code">
            <code>{issue.code}</code>
          </small>
        </li>
      ))}
    </ul>
  );
}

function IssueSection(props: {
  title: string;
  issues: readonly ImportIssue[];
  testId: string;
  intro: string;
}) {
  if (props.issues.length === 0) return null;
  return (
    <details class="issue-section" open={props.issues.length <= OPEN_UP_TO}>
      <summary>
        {props.title} ({props.issues.length})
      </summary>
      <p class="muted">{props.intro}</p>
      <IssueList issues={props.issues} testId={props.testId} />
    </details>
  );
}

export function UploadSummary(props: {
  report: ImportReport;
  notUploaded: readonly string[];
  level: HeadingLevel;
  children?: ComponentChildren;
}) {
  const { imported, duplicates, skipped, warnings } = props.report;
  const nothing = imported === 0 && duplicates === 0;
  return (
    <section class="upload-summary" aria-labelledby="upload-summary-title">
      <UploadHeading level={props.level} id="upload-summary-title" result>
        Import finished
      </UploadHeading>
      <div class="row upload-counts" role="status">
        <p>
          <strong class="big-number" data-testid="imported-count">
            {imported}
          </strong>{' '}
          {imported === 1 ? 'activity imported' : 'activities imported'}
        </p>
        {duplicates > 0 && (
          <p data-testid="duplicate-count">
            {plural(duplicates, 'activity was', 'activities were')} already here and left as they were.
          </p>
        )}
      </div>
      {nothing && (
        <p class="alert alert-warn">
          No activities came out of these files. Check the list below, or try the whole export ZIP as it
          arrived by e-mail.
        </p>
      )}
      <IssueSection
        title="Files skipped"
        issues={skipped}
        testId="skipped-list"
        intro="These files were left out; the rest of the import went on without them."
      />
      <IssueSection
        title="Warnings"
        issues={warnings}
        testId="warning-list"
        intro="Imported, but with something worth knowing."
      />
      {props.notUploaded.length > 0 && (
        <details class="issue-section" open={props.notUploaded.length <= OPEN_UP_TO}>
          <summary>Not sent ({props.notUploaded.length})</summary>
          <p class="muted">kneewise does not read these kinds of files, so they stayed where they were.</p>
          <ul class="issue-list">
            {props.notUploaded.map((name) => (
              <li key={name}>
                <span class="issue-file">{name}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {props.children && <div class="row upload-actions">{props.children}</div>}
    </section>
  );
}
