/**
 * An OpenID Connect issuer for tests, in-process over real HTTP on 127.0.0.1: discovery, JWKS and a token
 * endpoint that checks the client's secret, the code (single use), the redirect URI and the PKCE verifier,
 * then signs an ID token (ES256, node:crypto). The browser's visit to the authorization endpoint is played by
 * `authorize()`, which reads the request kneewise built and returns the URL the issuer would send the browser
 * back to; its knobs forge what an attacker would (another state, another nonce). Test-only.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IssuedIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
}

interface PendingCode {
  identity: IssuedIdentity;
  nonce: string;
  codeChallenge: string;
  redirectUri: string;
  clientId: string;
}

const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

export class TestOidcIssuer {
  readonly clientId = 'kneewise-test-client';
  readonly clientSecret = randomBytes(24).toString('base64url');
  private readonly key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private readonly kid = randomBytes(8).toString('hex');
  private readonly codes = new Map<string, PendingCode>();
  /** Token requests received (a refused answer should not have spent a code). */
  tokenRequests = 0;
  private server: Server | null = null;
  issuer = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'server_error', error_description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.issuer = `http://127.0.0.1:${port}/realms/north`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/realms/north/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/realms/north/jwks') {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      return json(200, { keys: [{ ...jwk, kid: this.kid, alg: 'ES256', use: 'sig' }] });
    }
    if (req.method === 'POST' && url.pathname === '/realms/north/token') {
      this.tokenRequests += 1;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const [basicId, basicSecret] = (() => {
        const header = req.headers.authorization ?? '';
        if (!header.startsWith('Basic ')) return [null, null];
        const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
        return [decodeURIComponent(id ?? ''), decodeURIComponent(secret ?? '')];
      })();
      const clientId = basicId ?? form.get('client_id');
      const clientSecret = basicSecret ?? form.get('client_secret');
      if (clientId !== this.clientId || clientSecret !== this.clientSecret) {
        return json(401, { error: 'invalid_client' });
      }
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !code ||
        code.clientId !== clientId ||
        code.redirectUri !== form.get('redirect_uri') ||
        b64url(createHash('sha256').update(verifier).digest()) !== code.codeChallenge
      ) {
        return json(400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = this.signJwt({
        iss: this.issuer,
        aud: this.clientId,
        iat: now,
        exp: now + 300,
        nonce: code.nonce,
        ...code.identity,
      });
      return json(200, {
        access_token: randomBytes(16).toString('base64url'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
        scope: 'openid email profile',
      });
    }
    return json(404, { error: 'not_found' });
  }

  private signJwt(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: this.kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: this.key.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${header}.${payload}.${b64url(signature)}`;
  }

  /**
   * The user signs in at the issuer: checks the authorization request kneewise built and returns where the
   * issuer sends the browser back (redirect_uri?code&state). `forge` replaces the state or nonce an attacker
   * would change.
   */
  authorize(
    authorizationUrl: string,
    identity: IssuedIdentity,
    forge: { state?: string; nonce?: string } = {},
  ): URL {
    const request = new URL(authorizationUrl);
    const param = (name: string) => {
      const value = request.searchParams.get(name);
      if (!value) throw new Error(`issuer: the authorization request has no ${name}`);
      return value;
    };
    if (!authorizationUrl.startsWith(`${this.issuer}/authorize?`)) {
      throw new Error(`issuer: not my authorization endpoint: ${authorizationUrl}`);
    }
    if (param('response_type') !== 'code') throw new Error('issuer: expected response_type=code');
    if (param('code_challenge_method') !== 'S256') throw new Error('issuer: expected PKCE S256');
    if (!param('scope').split(' ').includes('openid')) throw new Error('issuer: expected the openid scope');
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      identity,
      nonce: forge.nonce ?? param('nonce'),
      codeChallenge: param('code_challenge'),
      redirectUri: param('redirect_uri'),
      clientId: param('client_id'),
    });
    const back = new URL(param('redirect_uri'));
    back.searchParams.set('code', code);
    back.searchParams.set('state', forge.state ?? param('state'));
    return back;
  }
}
