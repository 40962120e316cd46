/**
 * Configuration, parsed once: the database URL from `--db`, else `KNEEWISE_DB`, else SQLite in the user's data
 * directory (`$XDG_DATA_HOME/kneewise/`, else `~/.local/share/kneewise/`).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KneewiseError } from './domain/errors.ts';

export interface Config {
  dbUrl: string;
  chromiumPath: string;
}

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
  const problem = configProblem(raw);
  if (problem !== null) {
    const field = problem.field === 'dbUrl' ? '--db / KNEEWISE_DB' : problem.field;
    throw new KneewiseError('CONFIG_INVALID', `${field}: ${problem.message} (got "${raw.dbUrl}")`);
  }
  return raw;
}

/**
 * Two strings checked by hand, with the messages zod gave when it checked them: zod is the largest library a
 * command would otherwise load at start-up only for this (a fifth of a cached `kneewise status`).
 */
const EMPTY = 'Too small: expected string to have >=1 characters';

function configProblem(raw: Config): { field: keyof Config; message: string } | null {
  if (raw.dbUrl.length === 0) return { field: 'dbUrl', message: EMPTY };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.dbUrl) && !/^postgres(ql)?:\/\//i.test(raw.dbUrl))
    return { field: 'dbUrl', message: 'expected a file path, sqlite:PATH, or postgres://…' };
  if (raw.chromiumPath.length === 0) return { field: 'chromiumPath', message: EMPTY };
  return null;
}
