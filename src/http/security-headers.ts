/**
 * Headers every response carries, errors included (a 403 or 413 is a page a browser may render too).
 * Set after the rest of the app has answered, so no route and no early refusal can leave them out.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * Nothing the page loads may come from elsewhere: scripts, styles, images, fonts and fetches are all
 * same-origin (data:/blob: for generated charts, downloads and the routine's sound cue).
 */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
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
    c.header('content-security-policy', framedBySelf ? SAME_ORIGIN_FRAMING : NO_FRAMING);
    c.header('x-frame-options', framedBySelf ? 'SAMEORIGIN' : 'DENY');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    // Another site's page cannot embed an API answer (as a script or image) to read it by side channels.
    c.header('cross-origin-resource-policy', 'same-origin');
    // API answers are the runner's health data, and they change with every import: never kept by a cache.
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) c.header('cache-control', 'no-store');
  };
}
