/**
 * Right after `kneewise serve` starts listening, it asks itself for what the dashboard's first screens read:
 * the page, then the first data of each screen the boot script may ask for (web/src/first-requests.ts, the same
 * list). On a ten-year history the first answers after a start cost 0.3–1 s more than later ones (the
 * database's pages read from disk, the load report computed, the code of each route compiled); asked here,
 * that happens while the browser is still opening, and the runner's first visit gets the kept answers
 * (versioned-answers.ts, the load report cache) and the build's files (static-files.ts) from memory at once.
 * A write in between only means the first visit computes its own answer, as it did before.
 */
import { get } from 'node:http';
import { FIRST_REQUESTS, SHELL_REQUEST } from '../../web/src/first-requests.ts';

/** The page and every first request of a screen, each once, in the order a visit asks for them. */
export function firstScreenPaths(): string[] {
  const api = [SHELL_REQUEST, ...Object.values(FIRST_REQUESTS).flat()].map((path) => `/api${path}`);
  return ['/', ...new Set(api)];
}

/** The build's files a page names (its scripts, styles and the boot plan's screen chunks), each once. */
export function assetsOfPage(html: string): string[] {
  return [...new Set(html.match(/\/assets\/[\w.-]+\.(js|css)\b/g) ?? [])];
}

/**
 * One GET to the server itself; the answer's text when it is a page, '' otherwise (read and dropped). A failure
 * is left to the visit that asks again.
 */
function fetchOnce(url: URL): Promise<string> {
  return new Promise((resolve) => {
    const request = get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const isPage = response.headers['content-type']?.startsWith('text/html') === true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => isPage && chunks.push(chunk));
      response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.once('error', () => resolve(''));
    });
    request.once('error', () => resolve(''));
  });
}

/**
 * Asks `baseUrl` (the server's own address) for the first screens' answers, one after another, and for the
 * files the page names, so each is read from disk once, now, instead of during the first visit.
 */
export async function warmFirstScreens(baseUrl: string, paths = firstScreenPaths()): Promise<void> {
  const assets = new Set<string>();
  for (const path of paths) {
    for (const asset of assetsOfPage(await fetchOnce(new URL(path, baseUrl)))) assets.add(asset);
  }
  for (const asset of assets) await fetchOnce(new URL(asset, baseUrl));
}
