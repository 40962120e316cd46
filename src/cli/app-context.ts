/**
 * What a command needs from the outside world, created once per run: configuration, I/O streams, the clock and
 * a way to open the database. Commands stay thin: parse flags, call a service, print.
 */
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { type Athlete, AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { Io } from './output.ts';

export interface AppContext {
  io: Io;
  now(): Date;
  config(): Config;
  /** Opens the database, runs `fn` with the local athlete, and always closes it. */
  withStore<T>(fn: (store: DatabaseHandle, athlete: Athlete) => Promise<T>): Promise<T>;
}

export function createAppContext(program: Command, io: Io): AppContext {
  const config = () => loadConfig({ db: program.opts<{ db?: string }>().db });
  return {
    io,
    now: () => new Date(),
    config,
    async withStore(fn) {
      const store = await openDatabase(config().dbUrl);
      try {
        const athlete = await new AthleteRepository(store.db).getOrCreateLocal(new Date().toISOString());
        return await fn(store, athlete);
      } finally {
        await store.close();
      }
    },
  };
}
