import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { dbTest } from '../../../test/support/test-databases.ts';
import { ActivityRepository } from '../../db/repositories/activity.repository.ts';
import { AthleteRepository } from '../../db/repositories/athlete.repository.ts';
import { FACTOR_IDS } from '../../domain/causes/factor-catalog.ts';
import { createAppContext } from '../app-context.ts';
import { describeError, exitCodeFor, type Io } from '../output.ts';
import { registerPainCommand } from './pain.command.ts';
import { registerShoesCommand } from './shoes.command.ts';
import { registerWhyCommand } from './why.command.ts';

/** A program built like main.ts's runCli, with only these three commands registered. */
async function cli(dbUrl: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (c) => {
    stdout += c;
  });
  err.on('data', (c) => {
    stderr += c;
  });
  const io: Io = { stdout: out, stderr: err, stdin: new PassThrough(), isTTY: false };
  const program = new Command('kneewise')
    .option('--db <url>')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const ctx = createAppContext(program, io);
  registerShoesCommand(program, ctx);
  registerPainCommand(program, ctx);
  registerWhyCommand(program, ctx);
  let code = 0;
  try {
    await program.parseAsync(['--db', dbUrl, ...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else {
      const { code: c, message } = describeError(error);
      io.stderr.write(`kneewise: ${message} [${c}]\n`);
      code = exitCodeFor(error);
    }
  }
  return { code, stdout, stderr };
}

dbTest('CLI: shoes, pain and why print JSON records; bad input exits 2 with a clear message', async (tdb) => {
  // One stored run so pain entries and `why` have something to join.
  const handle = await tdb.open();
  try {
    const athlete = await new AthleteRepository(handle.db).getOrCreateLocal('2025-06-01T00:00:00.000Z');
    await new ActivityRepository(handle.db).insert(
      {
        id: 'run-1',
        athlete_id: athlete.id,
        source: 'x.fit',
        format: 'fit',
        external_id: null,
        sport: 'run',
        raw_sport: 'running',
        start_at: '2025-06-15T06:00:00.000Z',
        start_ms: Date.parse('2025-06-15T06:00:00.000Z'),
        local_date: '2025-06-15',
        utc_offset_s: 0,
        local_date_basis: 'file',
        distance_m: 10_000,
        moving_time_s: 3000,
        elapsed_time_s: 3100,
        timer_time_s: null,
        ascent_m: null,
        descent_m: null,
        downhill_distance_m: null,
        avg_heart_rate: null,
        max_heart_rate: null,
        avg_cadence_spm: null,
        avg_stride_m: null,
        calories: null,
        device: null,
        name: null,
        description: null,
        gear_name: null,
        shoe_id: null,
        sample_count: 0,
        richness: 1,
        summary_version: 'test',
        imported_at: '2025-06-15T08:00:00.000Z',
        is_demo: 0,
        excluded: 0,
      },
      null,
    );
  } finally {
    await handle.close();
  }

  const add = await cli(tdb.url, [
    'shoes',
    'add',
    'Ghost',
    '--start-km',
    '120',
    '--default-for',
    'run',
    '--json',
  ]);
  assert.equal(add.code, 0, add.stderr);
  const shoe = JSON.parse(add.stdout).shoe;
  assert.equal(shoe.startDistanceM, 120_000);
  assert.deepEqual(shoe.defaultFor, ['run']);

  const assign = await cli(tdb.url, ['shoes', 'assign', 'Ghost', '--run', 'run-1', '--json']);
  assert.equal(JSON.parse(assign.stdout).shoe.distanceM, 130_000);

  const unknown = await cli(tdb.url, ['shoes', 'retire', 'Nimbus']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown shoe "Nimbus"\. Known shoes: "Ghost" \[SHOE_NOT_FOUND\]/);
  assert.equal(unknown.stdout, '');

  const badKm = await cli(tdb.url, ['shoes', 'add', 'Other', '--start-km', 'lots']);
  assert.equal(badKm.code, 2);
  assert.match(badKm.stderr, /--start-km: expected a distance in km/);

  const badPain = await cli(tdb.url, ['pain', 'log', '--date', '2025-06-15', '--after', '11']);
  assert.equal(badPain.code, 2);
  assert.match(badPain.stderr, /--after: expected a pain score from 0 to 10, got "11" \[PAIN_INVALID\]/);

  const badDate = await cli(tdb.url, ['pain', 'log', '--date', '2025-06-31', '--after', '3']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--date: expected a calendar date as YYYY-MM-DD/);

  const noEpisode = await cli(tdb.url, ['why', '--json']);
  assert.equal(noEpisode.code, 2);
  assert.match(noEpisode.stderr, /No pain episode/);

  const log = await cli(tdb.url, [
    'pain',
    'log',
    '--date',
    '2025-06-15',
    '--side',
    'right',
    '--region',
    'anterior',
    '--region',
    'medial',
    '--after',
    '4',
    '--swelling',
    'none',
    '--onset',
    'gradual',
    '--json',
  ]);
  assert.equal(log.code, 0, log.stderr);
  const entry = JSON.parse(log.stdout).entry;
  assert.equal(entry.activityId, 'run-1');
  assert.deepEqual(entry.regions, ['anterior', 'medial']);

  const edit = await cli(tdb.url, ['pain', 'edit', entry.id, '--morning', '2', '--json']);
  assert.equal(JSON.parse(edit.stdout).entry.painNextMorning, 2);

  const why = await cli(tdb.url, ['why', '--json']);
  assert.equal(why.code, 0, why.stderr);
  const report = JSON.parse(why.stdout);
  assert.equal(report.onset, '2025-06-15');
  assert.deepEqual([...report.factors.map((f: { id: string }) => f.id)].sort(), [...FACTOR_IDS].sort());
  for (const f of report.factors) {
    for (const key of ['summary', 'evidence', 'source', 'advice'])
      assert.equal(typeof f[key], 'string', `${f.id}.${key}`);
    assert.ok(['strong', 'moderate', 'weak', 'none'].includes(f.strength));
  }

  const text = await cli(tdb.url, ['why']);
  assert.match(text.stdout, /Education, not a diagnosis/);

  const del = await cli(tdb.url, ['shoes', 'delete', 'Ghost', '--json']);
  assert.equal(JSON.parse(del.stdout).deleted.name, 'Ghost');
  const delPain = await cli(tdb.url, ['pain', 'delete', entry.id, '--json']);
  assert.equal(JSON.parse(delPain.stdout).deleted.id, entry.id);
  const list = await cli(tdb.url, ['pain', 'list', '--json']);
  assert.deepEqual(JSON.parse(list.stdout), { entries: [], episodes: [] });
});
