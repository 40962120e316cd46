/**
 * Configuration, parsed once: the database URL from `--db`, else `KNEEWISE_DB`, else SQLite in the user's data
 * directory (`$XDG_DATA_HOME/kneewise/`, else `~/.local/share/kneewise/`).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { KneewiseError } from './domain/errors.ts';

const configSchema = z.object({
  dbUrl: z
    .string()
    .min(1)
    .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^postgres(ql)?:\/\//i.test(v), {
      message: 'expected a file path, sqlite:PATH, or postgres://…',
    }),
  chromiumPath: z.string().min(1),
});

export type Config = z.infer<typeof configSchema>;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0
      ? env.XDG_DATA_HOME
      : join(homedir(), '.local', 'share');
  return join(base, 'kneewise');
}

export function loadConfig(flags: { db?: string | undefined }, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    dbUrl: flags.db ?? env.KNEEWISE_DB ?? join(defaultDataDir(env), 'kneewise.sqlite'),
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'dbUrl' ? '--db / KNEEWISE_DB' : String(issue?.path[0]);
    throw new KneewiseError(
      'CONFIG_INVALID',
      `${field}: ${issue?.message ?? 'invalid value'} (got "${raw.dbUrl}")`,
    );
  }
  return parsed.data;
}
