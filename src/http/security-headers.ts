/**
 * Headers every response carries, errors included (a 403 or 413 is a page a browser may render too).
 * Set after the rest of the app has answered, so no route and no early refusal can leave them out.
 */
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Nothing the page loads may come from elsewhere: scripts, styles, images, fonts and fetches are all
 * same-origin (data:/blob: for generated charts, downloads and the routine's sound cue). The only inline
 * scripts that run are the ones the answer names by hash (the dashboard's boot script, allowInlineScripts).
 */
function contentSecurityPolicy(frameAncestors: string, scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ...(scriptHashes.length === 0
      ? []
      : [`script-src 'self' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`]),
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "frame-src 'self'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The inline scripts a page answer carries, by hash (`sha256-…`), set by whoever answered with the page. */
const inlineScripts = new WeakMap<Context, readonly string[]>();

/** Lets this answer's page run its inline scripts with these hashes, and no other inline script. */
export function allowInlineScripts(c: Context, hashes: readonly string[]): void {
  if (hashes.length > 0) inlineScripts.set(c, hashes);
}

/** The report preview: the single runner's, or one athlete's in server mode. */
const FRAMED_REPORT = /^\/api(\/athletes\/[^/]+)?\/report\.html$/;

const NO_FRAMING = contentSecurityPolicy("'none'");
const SAME_ORIGIN_FRAMING = contentSecurityPolicy("'self'");

/** The clinician report is previewed in an iframe of the dashboard's Report screen; nothing else is framed. */
function mayBeFramedBySelf(path: string): boolean {
  return FRAMED_REPORT.test(path);
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const framedBySelf = mayBeFramedBySelf(c.req.path);
    const scripts = inlineScripts.get(c);
    const policy = scripts
      ? contentSecurityPolicy(framedBySelf ? "'self'" : "'none'", scripts)
      : framedBySelf
        ? SAME_ORIGIN_FRAMING
        : NO_FRAMING;
    c.header('content-security-policy', policy);
    c.header('x-frame-options', framedBySelf ? 'SAMEORIGIN' : 'DENY');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    // Another site's page cannot embed an API answer (as a script or image) to read it by side channels.
    c.header('cross-origin-resource-policy', 'same-origin');
    // API answers are the runner's health data, and they change with every import: never kept by a cache.
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) c.header('cache-control', 'no-store');
  };
}
