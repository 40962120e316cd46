import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SEED_NOTE,
  SEED_NOW,
  SEED_ONSET,
  seedReportRunner,
} from '../../test/factories/report-seed.fixture.ts';
import { dbTest } from '../../test/support/test-databases.ts';
import { AthleteRepository } from '../db/repositories/athlete.repository.ts';
import type { KneewiseError } from '../domain/errors.ts';
import { renderReportHtml } from '../report/components/report.document.ts';
import { accessibilityProblems } from '../report/html-a11y.check.ts';
import type { PdfRenderer } from '../report/pdf-renderer.ts';
import { ReportService, whyCauseAnalyser, writeReport } from './report.service.ts';

const now = () => SEED_NOW;

dbTest('report: runner, episode, assessment, training, shoes, what was tried and causes', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedReportRunner(handle);
    const data = await new ReportService(
      handle.db,
      athlete,
      now,
      whyCauseAnalyser(handle.db, athlete, now),
    ).build();
    assert.equal(data.generatedOn, '2025-06-29');
    assert.equal(data.runner.ageBand, '30–39 years');
    assert.equal(data.runner.sex, 'female');
    // 8 full weeks before the onset week, 28 runs of 8 km.
    assert.equal(data.runner.volumeWeeks, 8);
    assert.equal(data.runner.weeklyVolumeM, 28_000);
    assert.equal(data.runner.runsPerWeek, 3.5);

    const e = data.episode;
    assert.ok(e);
    assert.equal(e.onset, SEED_ONSET);
    assert.equal(e.lastDate, '2025-06-27');
    assert.deepEqual(e.sides, ['right']);
    assert.deepEqual(e.regions, ['anterior', 'lateral']);
    assert.equal(e.peakPain, 6);
    assert.equal(e.swelling, 'mild');
    assert.equal(e.entries.length, 5);
    assert.deepEqual(e.worseWith, ['stairs', 'downhill running', 'prolonged sitting', 'squatting']);

    const a = data.assessment;
    assert.ok(a);
    assert.equal(a.date, '2025-06-20');
    assert.equal(a.urgency, 'soon');
    assert.ok(a.conditions.length >= 3);
    assert.match(a.conditions[0]?.name ?? '', /Patellofemoral/);
    assert.deepEqual(a.redFlags.find((f) => f.question === 'Calf painful')?.answer, 'not answered');
    assert.deepEqual(a.redFlags.find((f) => f.question === 'Cannot bear weight now')?.answer, 'no');

    // Training: Monday 8 weeks before the onset week to today; the 24 km onset run is a +200 % spike.
    assert.equal(data.training.from, '2025-04-14');
    assert.equal(data.training.to, '2025-06-29');
    assert.equal(data.training.weeks.length, 11);
    const onsetRun = data.training.runs.find((r) => r.date === SEED_ONSET);
    assert.deepEqual(
      [onsetRun?.distanceM, onsetRun?.spikePct, onsetRun?.spikeCategory],
      [24_000, 200, 'large'],
    );
    assert.equal(onsetRun?.cadenceSpm, 162);
    assert.equal(data.training.weeks.find((w) => w.weekStart === '2025-06-09')?.hasSpike, true);
    assert.equal(data.training.weeks.find((w) => w.weekStart === '2025-06-09')?.distanceM, 48_000);

    assert.deepEqual(
      data.shoes.map((s) => [s.name, s.distanceM, s.runs]),
      [
        ['Road Trainer', 580_000, 35],
        ['Trail <New>', 34_000, 3],
      ],
    );
    assert.deepEqual(data.tried, {
      since: SEED_ONSET,
      daysSince: 15,
      runs: 3,
      distanceM: 34_000,
      daysWithoutRun: 12,
      programmeSessions: { count: 4, first: '2025-06-17', last: '2025-06-24', programmes: ['knee strength'] },
      crossTraining: [{ sport: 'ride', sessions: 2, durationS: 7200 }],
    });
    assert.equal(data.causes?.status, 'ok');
    if (data.causes?.status === 'ok') {
      assert.equal(data.causes.factors[0]?.strength, 'strong');
      assert.match(data.causes.factors.map((f) => f.summary).join(' '), /24\.0 km/);
    }
    assert.ok(data.sources.some((s) => s.includes('Frandsen')));
    assert.ok(
      data.sources.every((s) => !s.includes('research/')),
      'internal notes are stripped from sources',
    );

    const markup = renderReportHtml(data);
    assert.deepEqual(accessibilityProblems(markup), []);
    assert.ok(markup.includes('stairs &lt;b&gt;still&lt;/b&gt; sore &amp; stiff'), 'the note is escaped');
    assert.ok(!markup.includes(SEED_NOTE));
    assert.match(markup, /Self-report summary, not a diagnosis/);
  } finally {
    await handle.close();
  }
});

dbTest('report without journal or assessment: says so and still shows training', async (tdb) => {
  const handle = await tdb.open();
  try {
    const athlete = await seedReportRunner(handle, { trainingOnly: true });
    const data = await new ReportService(handle.db, athlete, now).build({ weeks: 4 });
    assert.equal(data.episode, null);
    assert.equal(data.assessment, null);
    assert.equal(data.tried, null);
    assert.equal(data.causes, null);
    // No episode: the last weeks+4 weeks up to today.
    assert.equal(data.training.from, '2025-04-28');
    assert.ok(data.training.runs.length > 20);
    const markup = renderReportHtml(data);
    assert.match(markup, /No pain episode in the journal/);
    assert.match(markup, /No assessment saved yet/);
    assert.deepEqual(accessibilityProblems(markup), []);
  } finally {
    await handle.close();
  }
});

dbTest(
  'report: --episode picks the covering episode; a day outside every episode is an input error',
  async (tdb) => {
    const handle = await tdb.open();
    try {
      const athlete = await seedReportRunner(handle);
      const service = new ReportService(handle.db, athlete, now);
      assert.equal((await service.build({ episode: '2025-06-20' })).episode?.onset, SEED_ONSET);
      await assert.rejects(service.build({ episode: '2025-03-01' }), (e: KneewiseError) => {
        assert.equal(e.code, 'NO_PAIN_EPISODE');
        assert.match(e.message, /--episode 2025-03-01.*2025-06-15 … 2025-06-27/);
        return true;
      });
      await assert.rejects(service.build({ weeks: 0 }), /--weeks: expected a whole number from 1 to 52/);
      // A failing cause analysis leaves a sentence, not a broken report.
      const failing = await new ReportService(handle.db, athlete, now, {
        explain: async () => {
          throw new Error('boom');
        },
      }).build();
      assert.deepEqual(failing.causes, {
        status: 'unavailable',
        reason: 'The cause analysis could not run: boom',
      });
    } finally {
      await handle.close();
    }
  },
);

dbTest(
  'writeReport: HTML written even without a browser, then NO_BROWSER naming CHROMIUM_PATH',
  async (tdb) => {
    const handle = await tdb.open();
    const dir = mkdtempSync(join(tmpdir(), 'kneewise-report-'));
    try {
      const athlete = await new AthleteRepository(handle.db).getOrCreateLocal(SEED_NOW.toISOString());
      const data = await new ReportService(handle.db, athlete, now).build();
      const htmlPath = join(dir, 'r.html');
      await assert.rejects(
        writeReport(data, { html: htmlPath, pdf: join(dir, 'r.pdf') }, null),
        (e: KneewiseError) => {
          assert.equal(e.code, 'NO_BROWSER');
          assert.match(e.message, /CHROMIUM_PATH/);
          return true;
        },
      );
      assert.match(readFileSync(htmlPath, 'utf8'), /No runs imported/);
      // With only --pdf, the renderer gets a temporary HTML file that is gone afterwards.
      let seen = '';
      const fake: PdfRenderer = {
        async render(html) {
          seen = html;
          assert.match(readFileSync(html, 'utf8'), /<h1>Knee report<\/h1>/);
        },
      };
      const written = await writeReport(data, { pdf: join(dir, 'only.pdf') }, fake);
      assert.deepEqual(written, { htmlPath: null, pdfPath: join(dir, 'only.pdf') });
      assert.equal(existsSync(seen), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await handle.close();
    }
  },
);
