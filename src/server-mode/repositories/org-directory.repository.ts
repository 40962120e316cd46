/** Organisations by part of their name, for the lookup an athlete shares through (id and name only). */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from './server-schema.ts';

export interface OrgMatch {
  orgId: string;
  orgName: string;
}

export class OrgDirectoryRepository {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  /** Names matching the LIKE `pattern` regardless of case; those starting with `prefix` first, then by name. */
  async search(pattern: string, prefixPattern: string, limit: number): Promise<OrgMatch[]> {
    return this.db
      .selectFrom('organisations')
      .select(['id as orgId', 'name as orgName'])
      .where('name', 'ilike', pattern)
      .orderBy((eb) => eb.case().when('name', 'ilike', prefixPattern).then(0).else(1).end())
      .orderBy('name')
      .limit(limit)
      .execute();
  }
}
