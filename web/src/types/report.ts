/**
 * The clinician report as the Report screen asks for it (src/http/API.md rows /report.html, /report.pdf). The
 * report itself is HTML or PDF, not JSON: only its query and its one expected failure are typed here.
 */

/** `?weeks=`: weeks of training shown before the onset, as `kneewise report --weeks` accepts (1-52, default 8). */
export const REPORT_WEEKS = { min: 1, max: 52, default: 8 } as const;

/** The code GET /api/report.pdf answers (503) when this machine has no Chromium to print with. */
export const REPORT_NO_BROWSER = 'REPORT_NO_BROWSER';

export function reportQuery(weeks: number): string {
  return new URLSearchParams({ weeks: String(weeks) }).toString();
}
