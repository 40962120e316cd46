/**
 * An athlete's dashboard imports are jobs held in one process's memory across several requests (create,
 * add files, start, poll: src/services/import-jobs.service.ts), with their files in that process's scratch
 * folder. With several server processes on one port (`serve --server --workers N`) those requests would land
 * on any of them, so one process owns every import job and the others pass these requests on to it, on a
 * port it opens on 127.0.0.1 for that alone. The request goes through unchanged (method, path, headers with
 * the session cookie, body streamed) and the owner checks it exactly as if it had come to it directly.
 */
import { Agent, type IncomingMessage, type RequestListener, request, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** …/imports, …/imports/:id, …/imports/:id/files, …/imports/:id/start under an athlete. */
export const IMPORT_JOB_PATH = /^\/api\/athletes\/[^/?#]+\/imports(?:[/?#]|$)/;

/** Only the hop's own headers are left out: everything else is the owner's answer as it gave it. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade']);

const toOwner = new Agent({ keepAlive: true });

function ownerUnavailable(res: ServerResponse): void {
  const body = JSON.stringify({
    error: {
      code: 'IMPORTS_UNAVAILABLE',
      message:
        'imports are run by one of the server’s processes, which is restarting: try again in a few seconds',
    },
  });
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' });
  res.end(body);
}

function forward(req: IncomingMessage, res: ServerResponse, owner: URL): void {
  const upstream = request(
    {
      agent: toOwner,
      host: owner.hostname,
      port: owner.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (answer) => {
      const headers = Object.fromEntries(
        Object.entries(answer.headers).filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())),
      );
      res.writeHead(answer.statusCode ?? 502, headers);
      pipeline(answer, res).catch(() => res.destroy());
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) ownerUnavailable(res);
    else res.destroy();
  });
  req.pipe(upstream);
  // A client that goes away mid-upload ends the forwarded request too (the owner then drops the file).
  req.on('error', () => upstream.destroy());
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
}

/**
 * The listener of a process that does not own the import jobs: import-job requests go to the owner (at
 * `ownerUrl()`, null while it restarts: 503 with Retry-After), everything else is answered here.
 */
export function forwardingImportJobs(local: RequestListener, ownerUrl: () => string | null): RequestListener {
  return (req, res) => {
    if (!IMPORT_JOB_PATH.test(req.url ?? '')) return local(req, res);
    const owner = ownerUrl();
    if (owner === null) return ownerUnavailable(res);
    forward(req, res, new URL(owner));
  };
}
