/**
 * The dashboard's only way to the server: same-origin JSON under /api. Errors arrive as
 * `{ error: { code, message, details? } }` and become an ApiError with the stable code.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

async function failure(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: fall through to the status text
  }
  return new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.error?.details ?? {},
  );
}

/** GET/POST/PUT/PATCH/DELETE a JSON endpoint. `body` is sent as JSON when given. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const request: RequestInit = { method: init.method ?? (init.body === undefined ? 'GET' : 'POST') };
  // A write (the demo, a journal entry) makes every answer fetched before it stale.
  if (request.method !== 'GET') forgetPrefetched();
  if (init.body !== undefined) {
    request.headers = { 'content-type': 'application/json' };
    request.body = JSON.stringify(init.body);
  }
  const response = await fetch(`/api${path}`, request);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Requests started before the screen that reads them is drawn (at boot, for the screen in the address bar),
 * so the data travels while the code is still loading. Each is handed to the first `useApi` of its path
 * within a few seconds, once, and only if nothing was written since; anything else asks the server again.
 */
const prefetched = new Map<string, { at: number; response: Promise<unknown> }>();
const PREFETCH_FRESH_MS = 10_000;

export function prefetch(path: string): void {
  if (prefetched.has(path)) return;
  const response = api(path);
  // Unclaimed failures stay quiet; the screen that claims one shows the error.
  response.catch(() => {});
  prefetched.set(path, { at: Date.now(), response });
}

/** Drops every prefetched answer: called on every write (uploads too) and when the welcome shows instead. */
export function forgetPrefetched(): void {
  prefetched.clear();
}

function takePrefetched<T>(path: string): Promise<T> | null {
  const hit = prefetched.get(path);
  if (hit === undefined) return null;
  prefetched.delete(path);
  return Date.now() - hit.at <= PREFETCH_FRESH_MS ? (hit.response as Promise<T>) : null;
}

/** Loads `path` (null = don't load yet) and reloads when it changes. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (takePrefetched<T>(path) ?? api<T>(path)).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          data: null,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload };
}
