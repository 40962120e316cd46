/**
 * HTML → PDF behind a small interface, so the report service can be tested without a browser and a server can
 * swap in another renderer. The default drives Debian's Chromium headless with --print-to-pdf: no npm
 * dependency, and the CSS @page rule sets A4.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KneewiseError } from '../domain/errors.ts';

export const REPORT_CODES = {
  NO_BROWSER: 'NO_BROWSER',
  PDF_FAILED: 'PDF_FAILED',
} as const;

export interface PdfRenderer {
  /** Prints the HTML file at `htmlPath` to `pdfPath`. */
  render(htmlPath: string, pdfPath: string): Promise<void>;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** `CHROMIUM_PATH` when set, else /usr/bin/chromium; null when that file is not an executable. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate =
    env.CHROMIUM_PATH && env.CHROMIUM_PATH.length > 0 ? env.CHROMIUM_PATH : DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(candidate, constants.X_OK);
    return statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

export function noBrowserError(env: NodeJS.ProcessEnv = process.env): KneewiseError {
  const tried = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${env.CHROMIUM_PATH}` : DEFAULT_CHROMIUM_PATH;
  return new KneewiseError(
    REPORT_CODES.NO_BROWSER,
    `No Chromium found for the PDF (tried ${tried}). Install chromium (apt-get install chromium) or set ` +
      'CHROMIUM_PATH to a Chromium or Chrome executable; or open the HTML report in a browser and print it to PDF.',
    'internal',
  );
}

// Flags for a quiet, sandbox-free, network-free one-shot print (the container has no D-Bus or GPU).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-pdf-header-footer',
];

export class ChromiumPdfRenderer implements PdfRenderer {
  constructor(
    private readonly executable: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async render(htmlPath: string, pdfPath: string): Promise<void> {
    const profile = mkdtempSync(join(tmpdir(), 'kneewise-chromium-'));
    const out = resolve(pdfPath);
    const args = [
      ...FLAGS,
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(resolve(htmlPath)).href,
    ];
    try {
      await new Promise<void>((done, fail) => {
        execFile(this.executable, args, { timeout: this.timeoutMs }, (error, _stdout, stderr) => {
          if (error) {
            const detail = String(stderr)
              .split('\n')
              .filter((l) => l.trim() !== '')
              .slice(-2)
              .join(' ');
            fail(
              new KneewiseError(
                REPORT_CODES.PDF_FAILED,
                `Chromium (${this.executable}) could not print ${htmlPath} to PDF: ${error.message} ${detail}`.trim(),
                'internal',
              ),
            );
          } else done();
        });
      });
      if (!statSync(out, { throwIfNoEntry: false })?.size) {
        throw new KneewiseError(
          REPORT_CODES.PDF_FAILED,
          `Chromium (${this.executable}) finished but wrote no PDF at ${out}`,
          'internal',
        );
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
}

/** The renderer for this machine, or null when there is no browser. */
export function defaultPdfRenderer(env: NodeJS.ProcessEnv = process.env): PdfRenderer | null {
  const path = findChromium(env);
  return path === null ? null : new ChromiumPdfRenderer(path);
}
