/**
 * Deleting an account: the user's own athlete goes with every row of their data (the athletes row's foreign
 * keys cascade to runs, samples, journal, knee checks, programmes, shoes and the consent grants about them),
 * then the user with their sessions and memberships. The audit log and the ledger entries this user made
 * about others keep the bare id: they are other people's record of what happened.
 */
import { type Kysely, sql } from 'kysely';
import type { ServerDatabase } from '../repositories/server-schema.ts';

export class AccountDeletionService {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  async deleteAccount(userId: string): Promise<{ athleteDeleted: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      // Row-level security is forced on athletes even for this role: it deletes as the athlete.
      await sql`select set_config('kneewise.user_id', ${userId}, true)`.execute(trx);
      const own = await trx
        .selectFrom('user_athletes')
        .select('athlete_id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (own) await trx.deleteFrom('athletes').where('id', '=', own.athlete_id).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      return { athleteDeleted: own !== undefined };
    });
  }
}
