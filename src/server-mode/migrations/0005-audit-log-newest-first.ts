/**
 * The audit log read newest first, a page at a time (GET /api/audit, the owner's Organisation page). An
 * organisation's entries are found by `orgId = any(org_ids)`, which no index serves, so without this one
 * PostgreSQL read the whole log, ran the row-level security check on every row and sorted: 1.2 s for a
 * page of 25 with 100,000 entries (EXPLAIN ANALYZE, 50,000 of them the organisation's; the request 1.1–1.8 s
 * median). Walking this index from the newest stops once the page is full: 1.2–5.5 ms, the request 7.7–16 ms
 * median (machine load 7–15). An organisation with few entries among many others' walks further before its
 * page is full. The athlete's own log keeps audit_log_athlete (0001).
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_log_newest on audit_log (at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index audit_log_newest`.execute(db);
}
