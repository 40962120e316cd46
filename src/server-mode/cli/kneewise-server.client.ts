/**
 * The command line's side of a kneewise server: the few API calls `kneewise account push|pull` makes, as the
 * runner (their own login, their own athlete), with errors in words a runner can act on. It never touches the
 * server's database: everything goes through the server's HTTP API, so its access checks, row-level security
 * and audit log apply as for any other request.
 */
import { KneewiseError } from '../../domain/errors.ts';

export const CLIENT_CODES = {
  SERVER_URL_INVALID: 'SERVER_URL_INVALID',
  SERVER_UNREACHABLE: 'SERVER_UNREACHABLE',
  NOT_A_KNEEWISE_SERVER: 'NOT_A_KNEEWISE_SERVER',
  SERVER_WRONG_ADDRESS: 'SERVER_WRONG_ADDRESS',
  ACCOUNT_LOGIN_FAILED: 'ACCOUNT_LOGIN_FAILED',
  ACCOUNT_NOT_ATHLETE: 'ACCOUNT_NOT_ATHLETE',
  SERVER_REFUSED: 'SERVER_REFUSED',
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Signing in and the health check; moving a history has no time limit (it may be hundreds of MB). */
const SHORT_TIMEOUT_MS = 30_000;

/** The server's base URL; a password travels only over https, or plain http to this machine. */
export function serverBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KneewiseError(
      CLIENT_CODES.SERVER_URL_INVALID,
      `server: expected the server's address like https://kneewise.clinic.example, got "${raw}"`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new KneewiseError(
      CLIENT_CODES.SERVER_URL_INVALID,
      `server: expected https:// (your password would cross the network in clear over ${url.protocol}//); ` +
        'plain http is accepted only for this machine (127.0.0.1, localhost)',
    );
  }
  return new URL('/', url);
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

export interface SignedIn {
  athleteId: string;
  userId: string;
}

export class KneewiseServerClient {
  private cookie: string | null = null;

  constructor(private readonly base: URL) {}

  /** Fails unless a kneewise server in server mode answers at this address. */
  async checkServer(): Promise<void> {
    const response = await this.send('GET', '/api/health', { timeout: true });
    const body = (await response.json().catch(() => null)) as (ErrorBody & Record<string, unknown>) | null;
    if (response.status === 403 && body?.error?.code === 'FORBIDDEN_HOST') {
      throw new KneewiseError(
        CLIENT_CODES.SERVER_WRONG_ADDRESS,
        `${this.base.origin} is a kneewise server that answers only on its own public address ` +
          `(${body.error.message ?? 'another host'}): use that address`,
      );
    }
    if (response.ok && body?.ok === true && body.mode === 'server') return;
    if (response.ok && body?.ok === true && typeof body.version === 'string') {
      throw new KneewiseError(
        CLIENT_CODES.NOT_A_KNEEWISE_SERVER,
        `${this.base.origin} is a single runner's kneewise (kneewise serve), which has no accounts: ` +
          'the server to move a history into runs `kneewise serve --server`',
      );
    }
    throw new KneewiseError(
      CLIENT_CODES.NOT_A_KNEEWISE_SERVER,
      `${this.base.origin} does not answer like a kneewise server (GET /api/health gave HTTP ${response.status}` +
        `${body ? '' : ', not JSON'}); check the address`,
    );
  }

  /** Signs in; the account must be an athlete's (their own data), not only a clinic member's. */
  async login(email: string, password: string): Promise<SignedIn> {
    const response = await this.send('POST', '/api/auth/login', {
      json: { email, password },
      timeout: true,
    });
    if (response.status === 401) {
      await response.body?.cancel();
      throw new KneewiseError(
        CLIENT_CODES.ACCOUNT_LOGIN_FAILED,
        `${this.base.origin}: wrong e-mail or password for ${email} (or no such account)`,
      );
    }
    if (!response.ok) throw await this.refused(response, 'sign in');
    const body = (await response.json()) as { user: { id: string }; athleteId: string | null };
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('kneewise_session='));
    this.cookie = setCookie ? setCookie.split(';')[0]! : null;
    if (!this.cookie) {
      throw new KneewiseError(CLIENT_CODES.NOT_A_KNEEWISE_SERVER, 'the server signed in without a session');
    }
    if (!body.athleteId) {
      await this.logout();
      throw new KneewiseError(
        CLIENT_CODES.ACCOUNT_NOT_ATHLETE,
        `${email} has no athlete account on ${this.base.origin} (it is a clinic or team member's account): ` +
          'ask the organisation for an athlete invitation, or use the account that holds your own data',
      );
    }
    return { athleteId: body.athleteId, userId: body.user.id };
  }

  /** Sends a kneewise export (as a stream of JSON text) into the athlete's account; returns the server's report. */
  async pushHistory(athleteId: string, body: ReadableStream<Uint8Array>): Promise<unknown> {
    const response = await this.send('POST', `/api/athletes/${encodeURIComponent(athleteId)}/data`, {
      stream: body,
    });
    if (!response.ok) throw await this.refused(response, 'take the history');
    return ((await response.json()) as { restored: unknown }).restored;
  }

  /** The athlete's kneewise export, as the server streams it. */
  async pullHistory(athleteId: string): Promise<ReadableStream<Uint8Array>> {
    const response = await this.send('GET', `/api/athletes/${encodeURIComponent(athleteId)}/export`, {});
    if (!response.ok || !response.body) throw await this.refused(response, 'send the history');
    return response.body;
  }

  async logout(): Promise<void> {
    if (!this.cookie) return;
    const response = await this.send('POST', '/api/auth/logout', { timeout: true }).catch(() => null);
    await response?.body?.cancel();
    this.cookie = null;
  }

  private async send(
    method: string,
    path: string,
    options: { json?: unknown; stream?: ReadableStream<Uint8Array>; timeout?: boolean },
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (options.json !== undefined || options.stream) headers['content-type'] = 'application/json';
    const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'error' };
    if (options.json !== undefined) init.body = JSON.stringify(options.json);
    if (options.stream) {
      init.body = options.stream;
      init.duplex = 'half';
    }
    if (options.timeout) init.signal = AbortSignal.timeout(SHORT_TIMEOUT_MS);
    try {
      return await fetch(new URL(path, this.base), init);
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  private unreachable(error: unknown): KneewiseError {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      cause?.code ??
      (error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 30 s' : undefined) ??
      cause?.message ??
      (error instanceof Error ? error.message : String(error));
    return new KneewiseError(
      CLIENT_CODES.SERVER_UNREACHABLE,
      `cannot reach ${this.base.origin} (${reason}): check the address and that the server is running`,
    );
  }

  /** A refusal in the server's own words (its code and message), e.g. RESTORE_CONFLICT, LOGIN_THROTTLED. */
  private async refused(response: Response, what: string): Promise<KneewiseError> {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    const code = body?.error?.code ?? CLIENT_CODES.SERVER_REFUSED;
    const message = body?.error?.message ?? `HTTP ${response.status}`;
    return new KneewiseError(
      code,
      `${this.base.origin} would not ${what}: ${message}`,
      response.status === 404 ? 'not-found' : response.status >= 500 ? 'internal' : 'input',
      body?.error?.details ?? {},
    );
  }
}
