/**
 * The dashboard's only way to the server: same-origin JSON under /api. Errors arrive as
 * `{ error: { code, message, details? } }` and become an ApiError with the stable code.
 *
 * In server mode the athlete's screens read `/api/athletes/:athleteId/…` instead of `/api/…`: the one prefix is
 * set here (`viewAthlete`), so no screen knows which mode it runs in. Account routes (sign-in, roster, consent)
 * go through `accountApi`, never prefixed. A 403 REAUTHENTICATION_REQUIRED asks the registered prompt for the
 * password and retries once.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { BOOT_REQUESTS_KEY, type BootRequests } from './boot/boot-plan.ts';

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

/** '' for the single runner; `/athletes/<id>` while server mode shows one athlete's screens. */
let athletePrefix = '';

/** Server mode: every athlete route from now on is that athlete's. Forgets what was fetched for another. */
export function viewAthlete(athleteId: string | null): void {
  const next = athleteId === null ? '' : `/athletes/${encodeURIComponent(athleteId)}`;
  if (next !== athletePrefix) forgetPrefetched();
  athletePrefix = next;
}

/** The address of an athlete route, for links and downloads: `/api/report.html?…` or `/api/athletes/…/report.html?…`. */
export function apiUrl(path: string): string {
  return `/api${athletePrefix}${path}`;
}

export const REAUTHENTICATION_REQUIRED = 'REAUTHENTICATION_REQUIRED';

/** Asks for the password again; resolves true once the server has accepted it, false when the person cancels. */
type Reauthenticate = (reason: string) => Promise<boolean>;
let reauthenticate: Reauthenticate | null = null;

/** Server mode registers its password prompt here; without one a 403 REAUTHENTICATION_REQUIRED is just an error. */
export function onReauthenticationRequired(prompt: Reauthenticate | null): void {
  reauthenticate = prompt;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
}

async function send<T>(url: string, init: RequestOptions): Promise<T> {
  const request: RequestInit = { method: init.method ?? (init.body === undefined ? 'GET' : 'POST') };
  // A write (the demo, a journal entry) makes every answer fetched before it stale.
  if (request.method !== 'GET') forgetPrefetched();
  if (init.body !== undefined) {
    request.headers = { 'content-type': 'application/json' };
    request.body = JSON.stringify(init.body);
  }
  let response = await fetch(url, request);
  if (response.status === 403 && reauthenticate) {
    const error = await failure(response);
    if (error.code !== REAUTHENTICATION_REQUIRED) throw error;
    if (!(await reauthenticate(error.message))) throw error;
    response = await fetch(url, request);
  }
  return answerOf<T>(response);
}

/** The JSON of a response, or the ApiError it carries. */
async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET/POST/PUT/PATCH/DELETE one of the athlete's JSON endpoints. `body` is sent as JSON when given. */
export function api<T>(path: string, init: RequestOptions = {}): Promise<T> {
  return send<T>(apiUrl(path), init);
}

/** Server mode's own routes (`/api/auth/…`, `/api/server/roster`, `/api/consents`…): never per athlete. */
export function accountApi<T>(path: string, init: RequestOptions = {}): Promise<T> {
  return send<T>(`/api${path}`, init);
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

/**
 * The requests the boot script (boot/boot.ts) started before this code arrived: the first screen's data,
 * adopted as prefetched answers. Only the single runner's page has them (the boot script skips server mode).
 */
function adoptBootRequests(): void {
  // globalThis, not window: the module is also loaded where there is no page (the unit tests).
  const boot = (globalThis as Record<string, unknown>)[BOOT_REQUESTS_KEY] as BootRequests | undefined;
  if (boot === undefined) return;
  for (const [path, response] of Object.entries(boot.responses)) {
    const answer = response.then((r) => answerOf(r));
    answer.catch(() => {});
    prefetched.set(path, { at: boot.at, response: answer });
  }
}
adoptBootRequests();

export function prefetch(path: string): void {
  if (prefetched.has(path)) return;
  // Keyed by the path as screens ask for it; viewAthlete() clears the map when the athlete changes.
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
  return useLoaded<T>(path, api);
}

/** useApi for server mode's own routes (roster, consents, audit): never per athlete. */
export function useAccountApi<T>(path: string | null): Loaded<T> {
  return useLoaded<T>(path, accountApi);
}

function useLoaded<T>(path: string | null, load: <R>(path: string) => Promise<R>): Loaded<T> {
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
    (takePrefetched<T>(path) ?? load<T>(path)).then(
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
