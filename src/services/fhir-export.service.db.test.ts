/**
 * The FHIR export of a real history: runs imported from the corpus's real files, two pain entries and a knee
 * check logged through the command line, then `kneewise export --fhir` and GET /api/export/fhir. The Bundle
 * must hold one resource per stored row, pass the R4 rules and resolve every reference inside itself.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Observation, QuestionnaireResponse } from 'fhir/r4.js';
import { cliOk as cli } from '../../test/support/cli-in-process.ts';
import { CORPUS_DIR } from '../../test/support/corpus.ts';
import { fhirR4Problems } from '../../test/support/fhir-r4-rules.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import { groupEpisodes } from '../domain/journal/pain-episodes.ts';
import { harness } from '../http/routes/route-test.support.ts';
import { JournalService } from './journal.service.ts';

const FILES = [
  'fit/garmin-fenix2-run.fit',
  'fit/garmin-fenix5-run-short.fit',
  'fit/garmin-venusq-run.fit',
  'fit/garmin-fenix5-walk-short.fit',
  'fit/garmin-edge500-ride.fit',
  'gpx/garmin-connect-run-hr-cad.gpx',
  'gpx/opentracks-hike.gpx',
  'tcx/garmin-fr410-run.tcx',
  'tcx/garmin-fr620-track-10.tcx',
].map((f) => join(CORPUS_DIR, f));

const ANSWERS = {
  age: 41,
  sex: 'male',
  side: 'right',
  painLocation: ['medial'],
  onset: 'gradual',
  durationDays: 10,
  trauma: false,
  swelling: 'mild',
  stairsPain: true,
  canBearWeight: true,
  fever: false,
};

const resources = <T>(bundle: Bundle, type: string, code?: string) =>
  (bundle.entry ?? [])
    .map((e) => e.resource as T & { resourceType: string; code?: { coding?: { code?: string }[] } })
    .filter((r) => r.resourceType === type && (code === undefined || r.code?.coding?.[0]?.code === code));

dbTest(
  'a real history exports as an R4 Bundle with one resource per stored row, by the CLI and the API',
  async (tdb) => {
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-fhir-'));
    try {
      const imported = JSON.parse(await cli(tdb.url, 'import', ...FILES, '--json')) as { imported: number };
      assert.ok(imported.imported >= 8, `imported ${imported.imported}`);
      const { activities } = JSON.parse(await cli(tdb.url, 'activities', '--json')) as {
        activities: { id: string; localDate: string; sport: string }[];
      };
      const dates = activities.map((a) => a.localDate).sort();
      // Two entries years apart: two pain episodes, so two reports.
      await cli(
        tdb.url,
        'pain',
        'log',
        '--date',
        dates[0]!,
        '--side',
        'right',
        '--region',
        'medial',
        '--after',
        '4',
        '--json',
      );
      await cli(
        tdb.url,
        'pain',
        'log',
        '--date',
        dates.at(-1)!,
        '--side',
        'left',
        '--region',
        'lateral,anterior',
        '--during',
        '2',
        '--after',
        '6',
        '--note',
        'after the hills',
        '--json',
      );
      const answersFile = join(dir, 'answers.json');
      writeFileSync(answersFile, JSON.stringify(ANSWERS));
      const assessed = JSON.parse(await cli(tdb.url, 'assess', '--answers', answersFile, '--json')) as {
        urgency: string;
      };

      const handle = await tdb.open();
      let stored: { activities: number; pain: number; assessments: number; episodes: number; ids: string[] };
      try {
        const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(new Date().toISOString());
        const count = async (table: 'activities' | 'pain_entries' | 'assessments') =>
          (await handle.db.selectFrom(table).select('id').where('athlete_id', '=', athlete.id).execute()).map(
            (r) => r.id,
          );
        const ids = await count('activities');
        stored = {
          activities: ids.length,
          pain: (await count('pain_entries')).length,
          assessments: (await count('assessments')).length,
          episodes: groupEpisodes(await new JournalService(handle.db, athlete, () => new Date()).all())
            .length,
          ids,
        };
      } finally {
        await handle.close();
      }
      assert.equal(stored.activities, activities.length);
      assert.equal(stored.pain, 2);
      assert.equal(stored.assessments, 1);
      assert.equal(stored.episodes, 2);

      const bundle = JSON.parse(await cli(tdb.url, 'export', '--fhir')) as Bundle;
      assert.deepEqual(fhirR4Problems(bundle), []);
      assert.equal(bundle.type, 'collection');
      assert.equal(resources(bundle, 'Patient').length, 1);
      const runs = resources<Observation>(bundle, 'Observation', '73985-4');
      assert.equal(runs.length, stored.activities);
      assert.deepEqual(runs.map((r) => r.id).sort(), [...stored.ids].sort(), 'the runs keep their ids');
      const pain = resources<Observation>(bundle, 'Observation', '72514-3');
      assert.equal(pain.length, stored.pain);
      assert.deepEqual(pain.map((p) => p.valueQuantity?.value).sort(), [4, 6]);
      assert.deepEqual(pain.find((p) => p.valueQuantity?.value === 6)?.note, [{ text: 'after the hills' }]);
      const [qr] = resources<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
      assert.equal(resources(bundle, 'QuestionnaireResponse').length, stored.assessments);
      assert.deepEqual(
        qr?.item
          ?.map((i) => i.linkId)
          .filter((l) => l !== 'result')
          .sort(),
        Object.keys(ANSWERS).sort(),
        'one item per answer, linkId = answer key',
      );
      const urgency = qr?.item
        ?.find((i) => i.linkId === 'result')
        ?.item?.find((i) => i.linkId === 'result.urgency');
      assert.deepEqual(urgency?.answer, [{ valueString: assessed.urgency }]);
      const reports = resources<{ content: { attachment: { data: string } }[] }>(bundle, 'DocumentReference');
      assert.equal(reports.length, stored.episodes);
      for (const report of reports)
        assert.match(Buffer.from(report.content[0]!.attachment.data, 'base64').toString('utf8'), /<html/i);
      // A run with a heart rate in its file carries it as a UCUM component.
      assert.ok(
        runs.some((r) =>
          r.component?.some(
            (c) => c.code.coding?.[0]?.code === '55425-3' && c.valueQuantity?.code === '/min',
          ),
        ),
      );

      // --out writes the same Bundle and --json says what it holds; the kneewise JSON export likewise.
      const fhirFile = join(dir, 'fhir.json');
      const written = JSON.parse(await cli(tdb.url, 'export', '--fhir', '--out', fhirFile, '--json')) as {
        format: string;
        counts: Record<string, number>;
      };
      assert.equal(written.format, 'fhir-r4-bundle');
      assert.deepEqual(written.counts, {
        Patient: 1,
        runObservations: stored.activities,
        painObservations: stored.pain,
        QuestionnaireResponse: stored.assessments,
        DocumentReference: stored.episodes,
      });
      assert.equal(
        (JSON.parse(readFileSync(fhirFile, 'utf8')) as Bundle).entry?.length,
        bundle.entry?.length,
      );
      const jsonFile = join(dir, 'export.json');
      const plain = JSON.parse(await cli(tdb.url, 'export', '--out', jsonFile, '--json')) as {
        counts: Record<string, number>;
      };
      assert.equal(plain.counts.activities, stored.activities);
      assert.equal(plain.counts.painEntries, stored.pain);
      assert.equal(JSON.parse(readFileSync(jsonFile, 'utf8')).format, 'kneewise-export');

      // A folder that does not exist is named in the error, and nothing is written.
      await assert.rejects(
        cli(tdb.url, 'export', '--fhir', '--out', join(dir, 'missing', 'fhir.json')),
        /--out .*missing.*fhir\.json: cannot write that file \(ENOENT\).*EXPORT_OUT_INVALID/,
      );

      // The API serves the same Bundle.
      const api = await harness(tdb, { seed: 'none', now: () => new Date() });
      try {
        const response = await api.call('GET', '/export/fhir');
        assert.equal(response.status, 200);
        assert.match(
          response.headers.get('content-type') ?? '',
          /^application\/fhir\+json; fhirVersion=4\.0/,
        );
        assert.match(
          response.headers.get('content-disposition') ?? '',
          /kneewise-fhir-\d{4}-\d{2}-\d{2}\.json/,
        );
        const served = (await response.json()) as Bundle;
        assert.deepEqual(fhirR4Problems(served), []);
        assert.deepEqual(
          served.entry?.map((e) => e.fullUrl),
          bundle.entry?.map((e) => e.fullUrl),
          'the same resources under the same ids',
        );
      } finally {
        await api.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { timeout: 180_000 },
);
