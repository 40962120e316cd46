/** Server mode's settings from flags and the environment, checked once (the public URL must be a real URL). */
import { KneewiseError } from '../../domain/errors.ts';
import type { ServerSettings } from '../http/server-env.ts';

export function serverSettings(
  flags: { publicUrl?: string | undefined; trustProxy?: boolean | undefined },
  port: number,
  env: NodeJS.ProcessEnv = process.env,
): ServerSettings {
  const raw = flags.publicUrl ?? env.KNEEWISE_PUBLIC_URL ?? `http://127.0.0.1:${port}/`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KneewiseError(
      'CONFIG_INVALID',
      `--public-url / KNEEWISE_PUBLIC_URL: expected a URL like https://kneewise.example/, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KneewiseError(
      'CONFIG_INVALID',
      `--public-url / KNEEWISE_PUBLIC_URL: expected http:// or https://, got "${raw}"`,
    );
  }
  return {
    publicUrl: new URL('/', url).toString(),
    trustProxy: flags.trustProxy ?? env.KNEEWISE_TRUST_PROXY === '1',
  };
}
