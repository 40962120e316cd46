/**
 * The built dashboard, served by the clinic/team server: the same files as the single runner's, with the page
 * marked `<meta name="kneewise-mode" content="server">` so the dashboard starts in server mode (sign-in, roster,
 * the athlete's screens under /api/athletes/:id) without first asking the server which mode it is in — the
 * single runner's first screen keeps its requests exactly as they were.
 */
import type { MiddlewareHandler } from 'hono';
import { serveWeb } from '../../http/static-files.ts';

export const SERVER_MODE_META = '<meta name="kneewise-mode" content="server" />';

/** The page with the mark as the head's first element; unchanged when it has no <head>. */
export function markServerMode(html: string): string {
  return html.replace(/<head>/i, (head) => `${head}\n    ${SERVER_MODE_META}`);
}

export function serveServerWeb(root: string): MiddlewareHandler {
  const files = serveWeb(root);
  return async (c, next) => {
    const response = await files(c, next);
    // Not a file of the build (an API path, a write): whatever answered downstream stands.
    if (!(response instanceof Response)) return;
    if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    const page = c.req.method === 'HEAD' ? null : markServerMode(await response.text());
    return new Response(page, { status: response.status, headers });
  };
}
