/**
 * The clinician report: what it holds and who it is for, how many weeks of training to include, a live
 * preview (the same HTML the server renders, in a titled iframe), and downloads as PDF or HTML. The PDF needs
 * Chromium on this machine; without it the server answers 503 REPORT_NO_BROWSER, the screen says so in the
 * server's words and the HTML download still works (it prints to PDF from any browser).
 */
import { useState } from 'preact/hooks';
import { ApiError, apiUrl } from '../api.ts';
import { NotADiagnosis, Screen } from '../components/screen.tsx';
import { ErrorMessage } from '../components/status-messages.tsx';
import { REPORT_NO_BROWSER, REPORT_WEEKS, reportQuery } from '../types/report.ts';
import './report.screen.css';

const WEEK_CHOICES = [4, 6, 8, 10, 12, 16, 20, 26, 39, 52].filter(
  (n) => n >= REPORT_WEEKS.min && n <= REPORT_WEEKS.max,
);

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  return match?.[1] ?? fallback;
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? `HTTP_${response.status}`,
      body.error?.message ?? response.statusText,
    );
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'The PDF failed.');
  }
}

/** Fetches the PDF and hands it to the browser as a download, so a failure can be shown instead of a broken file. */
async function downloadPdf(weeks: number): Promise<void> {
  const response = await fetch(apiUrl(`/report.pdf?${reportQuery(weeks)}`));
  if (!response.ok) throw await errorFrom(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), 'kneewise-report.pdf');
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

type PdfState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; error: Error };

export function ReportScreen() {
  const [weeks, setWeeks] = useState<number>(REPORT_WEEKS.default);
  const [pdf, setPdf] = useState<PdfState>({ kind: 'idle' });
  const query = reportQuery(weeks);
  const htmlUrl = apiUrl(`/report.html?${query}`);

  const onPdf = async () => {
    setPdf({ kind: 'busy' });
    try {
      await downloadPdf(weeks);
      setPdf({ kind: 'done' });
    } catch (e) {
      setPdf({ kind: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
    }
  };
  const noBrowser =
    pdf.kind === 'failed' && pdf.error instanceof ApiError && pdf.error.code === REPORT_NO_BROWSER;

  return (
    <Screen title="Report for your physio or doctor">
      <p class="intro">
        A one-to-two page summary to take to a physiotherapist or sports doctor: when the knee started hurting
        and how the pain went (from your journal), your latest knee check with its likely causes and how soon
        to be seen, your training in the weeks before (weekly distance, sudden jumps, hills, cadence), your
        shoes, what you have already tried, and the sources behind every figure. It saves them time and gives
        them facts instead of memories.
      </p>
      <NotADiagnosis />

      <div class="card report-controls">
        <div class="row report-options">
          <div>
            <label for="report-weeks">Training shown before the pain started</label>
            <select
              id="report-weeks"
              value={String(weeks)}
              onChange={(e) => {
                setWeeks(Number((e.currentTarget as HTMLSelectElement).value));
                setPdf({ kind: 'idle' });
              }}
            >
              {WEEK_CHOICES.map((n) => (
                <option key={n} value={String(n)}>
                  {n} weeks{n === REPORT_WEEKS.default ? ' (usual)' : ''}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="row report-actions">
          <button type="button" onClick={onPdf} disabled={pdf.kind === 'busy'}>
            {pdf.kind === 'busy' ? 'Preparing the PDF…' : 'Download PDF'}
          </button>
          <a class="button secondary" href={htmlUrl} download="kneewise-report.html">
            Download HTML
          </a>
          <a class="report-open" href={htmlUrl} target="_blank" rel="noopener">
            Open the report in a new tab
          </a>
        </div>
        <div aria-live="polite" role="status" class="report-status">
          {pdf.kind === 'busy' && <p class="muted">Printing the report to PDF; this takes a few seconds.</p>}
          {pdf.kind === 'done' && <p class="muted">The PDF is in your downloads.</p>}
        </div>
        {pdf.kind === 'failed' &&
          (noBrowser ? (
            <div class="alert alert-warn" role="alert">
              <p>
                <strong>No PDF on this computer.</strong> {pdf.error.message}
              </p>
              <p>
                The HTML report holds the same pages:{' '}
                <a href={htmlUrl} download="kneewise-report.html">
                  download the HTML
                </a>{' '}
                and print it to PDF from your browser.
              </p>
            </div>
          ) : (
            <ErrorMessage error={pdf.error} retry={onPdf} />
          ))}
      </div>

      <h2 id="report-preview-title">Preview</h2>
      <p class="muted report-preview-hint">
        This is the report as your clinician will see it. On a small screen it is easier to read{' '}
        <a href={htmlUrl} target="_blank" rel="noopener">
          in a tab of its own
        </a>
        .
      </p>
      <div class="report-frame">
        <iframe key={query} src={htmlUrl} title="Preview of the report for your physio or doctor" />
      </div>
    </Screen>
  );
}
