import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('config: --db, else KNEEWISE_DB, else SQLite in the data folder', () => {
  const env = { XDG_DATA_HOME: '/data', CHROMIUM_PATH: '/opt/chromium' };
  assert.deepEqual(loadConfig({}, env), {
    dbUrl: '/data/kneewise/kneewise.sqlite',
    chromiumPath: '/opt/chromium',
  });
  assert.equal(loadConfig({}, { ...env, KNEEWISE_DB: 'sqlite:/x.db' }).dbUrl, 'sqlite:/x.db');
  assert.equal(
    loadConfig({ db: 'postgres://u@h/db' }, { ...env, KNEEWISE_DB: '/x.db' }).dbUrl,
    'postgres://u@h/db',
  );
  assert.equal(loadConfig({ db: 'POSTGRESQL://h/db' }, env).dbUrl, 'POSTGRESQL://h/db');
});

test('config: a bad database or Chromium path is refused naming the setting and the value', () => {
  const env = { XDG_DATA_HOME: '/data' };
  const refused = (flags: { db?: string }, extra: Record<string, string> = {}) => {
    try {
      loadConfig(flags, { ...env, ...extra });
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
    assert.fail('accepted');
  };
  assert.deepEqual(refused({ db: 'mysql://h/db' }), {
    code: 'CONFIG_INVALID',
    message: '--db / KNEEWISE_DB: expected a file path, sqlite:PATH, or postgres://… (got "mysql://h/db")',
  });
  assert.deepEqual(refused({}, { KNEEWISE_DB: '' }), {
    code: 'CONFIG_INVALID',
    message: '--db / KNEEWISE_DB: Too small: expected string to have >=1 characters (got "")',
  });
  assert.deepEqual(refused({ db: '/x.db' }, { CHROMIUM_PATH: '' }), {
    code: 'CONFIG_INVALID',
    message: 'chromiumPath: Too small: expected string to have >=1 characters (got "/x.db")',
  });
});
