/**
 * Right after `kneewise serve` starts listening, it asks itself for what the dashboard's first screens read:
 * the page, then the first data of each screen the boot script may ask for (web/src/first-requests.ts, the same
 * list). On a ten-year history the first answers after a start cost 0.3–1 s more than later ones (the
 * database's pages read from disk, the load report computed, the code of each route compiled); asked here,
 * that happens while the browser is still opening, and the runner's first visit gets the kept answers
 * (versioned-answers.ts, the load report cache) at once. A write in between only means the first visit
 * computes its own answer, as it did before.
 */
import { get } from 'node:http';
import { FIRST_REQUESTS, SHELL_REQUEST } from '../../web/src/first-requests.ts';

/** The page and every first request of a screen, each once, in the order a visit asks for them. */
export function firstScreenPaths(): string[] {
  const api = [SHELL_REQUEST, ...Object.values(FIRST_REQUESTS).flat()].map((path) => `/api${path}`);
  return ['/', ...new Set(api)];
}

/** One GET to the server itself, its answer read and dropped; a failure is left to the visit that asks again. */
function fetchOnce(url: URL): Promise<void> {
  return new Promise((resolve) => {
    const request = get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume();
      response.once('end', resolve);
      response.once('error', () => resolve());
    });
    request.once('error', () => resolve());
  });
}

/** Asks `baseUrl` (the server's own address) for the first screens' answers, one after another. */
export async function warmFirstScreens(baseUrl: string, paths = firstScreenPaths()): Promise<void> {
  for (const path of paths) await fetchOnce(new URL(path, baseUrl));
}
