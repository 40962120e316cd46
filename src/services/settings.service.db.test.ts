/**
 * Changing the home time zone re-dates the activities that had no zone of their own, on SQLite and
 * PostgreSQL; activities dated by their file's offset keep their day.
 */
import assert from 'node:assert/strict';
import { storedActivityRow } from '../../test/factories/activity-row.factory.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { SettingsService } from './settings.service.ts';

dbTest('a new home zone re-dates runs dated by the home zone, and only those', async (tdb) => {
  const handle = await tdb.open();
  try {
    const now = new Date('2025-06-10T12:00:00Z');
    const athletes = new AthleteRepository(handle.db);
    let athlete = await athletes.getOrCreateLocal(now.toISOString());
    athlete = { ...athlete, settings: { ...athlete.settings, timeZone: 'UTC' } };
    await athletes.updateSettings(athlete.id, athlete.settings);
    // 23:30 UTC on 1 June: still 1 June in UTC, already 2 June in Copenhagen (UTC+2 in summer).
    const late = Date.parse('2025-06-01T23:30:00Z');
    const base = { start_ms: late, start_at: new Date(late).toISOString(), utc_offset_s: 0 };
    const repo = new ActivityRepository(handle.db);
    await repo.insert(
      storedActivityRow(athlete.id, 1, '2025-06-01', 8000, now, { ...base, local_date_basis: 'user' }),
      null,
    );
    // A minute later (the same start would be the same activity): dated by its file's own offset.
    const fileStart = late + 60_000;
    await repo.insert(
      storedActivityRow(athlete.id, 2, '2025-06-01', 8000, now, {
        ...base,
        start_ms: fileStart,
        start_at: new Date(fileStart).toISOString(),
        id: 'act-file',
        external_id: 'ext-file',
        source: 'synthetic/file.fit',
        local_date_basis: 'file',
      }),
      null,
    );

    await new SettingsService(handle.db, athlete).update({ timeZone: 'Europe/Copenhagen' }, new Date());

    const rows = await handle.db
      .selectFrom('activities')
      .select(['id', 'local_date', 'utc_offset_s'])
      .orderBy('id')
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get('act-0001')?.local_date, '2025-06-02');
    assert.equal(Number(byId.get('act-0001')?.utc_offset_s), 7200);
    assert.equal(byId.get('act-file')?.local_date, '2025-06-01', 'a run with its own offset keeps its day');
    const stored = await athletes.getOrCreateLocal(now.toISOString());
    assert.equal(stored.settings.timeZone, 'Europe/Copenhagen');
  } finally {
    await handle.close();
  }
});
