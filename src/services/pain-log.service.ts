/**
 * Logging a pain entry from the dashboard: a retried or double-sent request must not put the same entry in
 * the journal twice, so an entry identical to one already on that day is returned instead of stored again.
 */
import {
  type PainEntry,
  type PainFields,
  parsePainFields,
  type RawPainFields,
} from '../domain/journal/pain-entry.ts';
import type { JournalService } from './journal.service.ts';

function sameEntry(entry: PainEntry, fields: PainFields): boolean {
  const regions = fields.regions ?? [];
  return (
    entry.side === (fields.side ?? null) &&
    entry.regions.length === regions.length &&
    entry.regions.every((r, i) => r === regions[i]) &&
    entry.painDuring === (fields.painDuring ?? null) &&
    entry.painAfter === (fields.painAfter ?? null) &&
    entry.painNextMorning === (fields.painNextMorning ?? null) &&
    entry.swelling === (fields.swelling ?? null) &&
    entry.onset === (fields.onset ?? null) &&
    entry.note === (fields.note ?? null) &&
    (fields.runId === undefined || entry.activityId === fields.runId)
  );
}

export async function logPainOnce(
  journal: JournalService,
  raw: RawPainFields,
): Promise<{ entry: PainEntry; created: boolean }> {
  const fields = parsePainFields(raw, { requireCore: true, names: journal.names });
  const sameDay = await journal.list({ from: fields.date!, to: fields.date! });
  const existing = sameDay.entries.find((e) => sameEntry(e, fields));
  if (existing) return { entry: existing, created: false };
  return { entry: await journal.log(raw), created: true };
}
