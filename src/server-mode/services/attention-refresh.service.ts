/**
 * Recomputes one athlete's attention items and stores them: the alert job's work after an import. It runs as
 * the athlete's own user (row-level security: their own data, every category), so the stored items are
 * complete and each viewer later reads only the categories their grant covers.
 */
import type { Kysely } from 'kysely';
import { toAthlete } from '../../db/repositories/athlete.repository.ts';
import type { Database } from '../../db/schema.ts';
import { newAlerts } from '../domain/alert-mail.ts';
import type { AttentionItem } from '../domain/attention.ts';
import { CATEGORIES } from '../domain/roles.ts';
import { AttentionRepository, type RosterDatabase } from '../repositories/attention.repository.ts';
import { runAsUser } from '../repositories/request-scope.ts';
import type { ServerStore } from '../repositories/server-database.ts';
import { computeAttention } from './attention-facts.service.ts';

export type RefreshOutcome = 'stored' | 'no-account' | 'gone';

export class AttentionRefreshService {
  constructor(
    private readonly store: ServerStore,
    private readonly now: () => Date,
    /** Told the items that were not stored before (the alert e-mail, when SMTP is set). */
    private readonly onNewAlerts?: (athleteId: string, items: AttentionItem[]) => Promise<unknown>,
  ) {}

  async refresh(athleteId: string): Promise<RefreshOutcome> {
    // The athlete's account link is account data (system pool); the athlete's data is read as them.
    const link = await this.store.system
      .selectFrom('user_athletes')
      .select('user_id')
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    if (!link) return 'no-account';
    const outcome = await runAsUser(link.user_id, async () => {
      const scoped = this.store.scoped as unknown as Kysely<RosterDatabase>;
      const repository = new AttentionRepository(scoped);
      // Before anything is read: a write committed from here on leaves what we store stale.
      const seen = await repository.changeCount(athleteId);
      const row = await scoped
        .selectFrom('athletes')
        .selectAll()
        .where('id', '=', athleteId)
        .executeTakeFirst();
      if (!row) return 'gone' as const;
      const athlete = toAthlete(row);
      const { asOf, attention } = await computeAttention(
        scoped as unknown as Kysely<Database>,
        athlete,
        new Set(CATEGORIES),
        this.now,
      );
      const previous = (await repository.read([athleteId])).get(athleteId)?.items ?? [];
      await repository.save(athleteId, asOf, attention, this.now(), seen);
      return { stored: true as const, fresh: newAlerts(previous, attention.items) };
    });
    if (typeof outcome === 'string') return outcome;
    if (outcome.fresh.length > 0) await this.onNewAlerts?.(athleteId, outcome.fresh);
    return 'stored';
  }
}
