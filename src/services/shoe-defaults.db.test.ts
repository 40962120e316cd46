/**
 * One pair per sport is the default, on SQLite and PostgreSQL: even when older data lists a sport on several
 * pairs, the list shows it on the one pair imports use; choosing a default takes it from the other pair.
 */
import assert from 'node:assert/strict';
import { dbTest } from '../../test/support/test-databases.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { ShoeRepository } from '../db/repositories/shoe.repository.ts';
import { ShoeService } from './shoe.service.ts';

const NOW = new Date('2025-06-20T08:00:00Z');

dbTest('only one pair is shown as the default for runs, the one imports give new runs to', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(NOW.toISOString());
    const repo = new ShoeRepository(handle.db);
    // Data from before the fix: two pairs both list "run".
    await repo.findOrCreate(athlete.id, { name: 'Old', defaultSport: 'run' }, '2024-01-01T00:00:00.000Z');
    await repo.findOrCreate(
      athlete.id,
      { name: 'New', defaultSport: 'run,trail_run' },
      '2025-01-01T00:00:00.000Z',
    );
    const service = new ShoeService(handle.db, athlete, () => NOW);
    const byName = async () => new Map((await service.list()).shoes.map((s) => [s.name, s.defaultFor]));
    let defaults = await byName();
    assert.deepEqual(defaults.get('New'), ['run', 'trail_run']);
    assert.deepEqual(defaults.get('Old'), []);
    assert.equal((await repo.defaultFor(athlete.id, 'run'))?.name, 'New', 'the same pair as imports use');

    await service.setDefault('Old', 'run');
    defaults = await byName();
    assert.deepEqual(defaults.get('Old'), ['run']);
    assert.deepEqual(defaults.get('New'), ['trail_run']);
  } finally {
    await handle.close();
  }
});
