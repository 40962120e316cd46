/**
 * Every file of the shared corpus gets the right outcome through the same path the import uses (sniff, gunzip,
 * decode, summarise), and its totals match what the file states about itself (EXPECTED.tsv).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS_DIR, corpusDataFiles, expectedRows } from '../../test/support/corpus.ts';
import { summarizeActivity } from '../domain/activity/summary.ts';
import { ImportError } from '../domain/errors.ts';
import { decodeActivityFile } from './decode-file.ts';

/** Files that hold no importable activity, with the code that says why. Every other file must yield one. */
const EXPECTED_SKIPS: Record<string, string> = {
  'bad/empty.fit': 'EMPTY_FILE',
  'bad/fit-fileid-only.fit': 'NOT_AN_ACTIVITY',
  'bad/fit-gz-bad-crc.fit.gz': 'GZIP_CORRUPT',
  'bad/fit-gz-truncated.fit.gz': 'GZIP_CORRUPT',
  'bad/fit-header-only.fit': 'FIT_TRUNCATED',
  'bad/gpx-latlon-undefined.gpx': 'GPX_BAD_COORDINATES',
  'fit/bikerouter-course-not-activity.fit': 'NOT_AN_ACTIVITY',
  'fit/garmin-edge510-settings-not-activity.fit': 'NOT_AN_ACTIVITY',
  'gpx/bikerouter-route-no-times.gpx': 'NO_TIMESTAMPS',
  'gpx/gpsbabel-cerknicko-no-times.gpx': 'NO_TIMESTAMPS',
  'gpx/gpx10-all-fields.gpx': 'NOT_AN_ACTIVITY',
  'gpx/gpx11-all-fields.gpx': 'NOT_AN_ACTIVITY',
  'gpx/gpxstudio-ride.gpx': 'NO_TIMESTAMPS',
  'gpx/osmand-empty-ele.gpx': 'NOT_AN_ACTIVITY',
  'gpx/osmand-empty-trk.gpx': 'NO_DATA',
  'gpx/route-only.gpx': 'NOT_AN_ACTIVITY',
  'gpx/rwgps-wahoo-route.gpx': 'NOT_AN_ACTIVITY',
  'gpx/strava-route-run.gpx': 'NO_TIMESTAMPS',
  'gpx/unicode-bom-no-encoding.gpx': 'NOT_AN_ACTIVITY',
  'gpx/wikipedia-example.gpx': 'NOT_AN_ACTIVITY',
  'tcx/course-not-activity.tcx': 'NOT_AN_ACTIVITY',
};

/** Warnings a damaged-but-readable file must carry, so a partial import is never silent. */
const EXPECTED_WARNINGS: Record<string, string> = {
  'bad/fit-truncated-60pct.fit': 'FIT_TRUNCATED',
  'bad/fit-unexpected-eof.fit': 'FIT_TRUNCATED',
  'bad/fit-crc-flipped.fit': 'FIT_CRC_MISMATCH',
  'bad/gpx-truncated-50pct.gpx': 'XML_TRUNCATED',
  'bad/tcx-truncated-50pct.tcx': 'XML_TRUNCATED',
  'bad/sigma-unterminated.fit': 'FIT_TRUNCATED',
  'bad/tcx-fitbit-zero-positions.tcx': 'POSITIONS_IMPLAUSIBLE',
};

const utcOffset = () => ({ utcOffsetS: 0, basis: 'user' as const });

function decode(file: string) {
  return decodeActivityFile(readFileSync(join(CORPUS_DIR, file)));
}

test('every corpus file has a stated outcome: activities, or a skip with the right code', () => {
  const files = corpusDataFiles();
  assert.ok(files.length >= 120, `corpus has ${files.length} data files`);
  for (const file of files) {
    const expectedSkip = EXPECTED_SKIPS[file];
    if (expectedSkip) {
      assert.throws(
        () => decode(file),
        (error: unknown) => error instanceof ImportError && error.code === expectedSkip,
        `${file} should be skipped with ${expectedSkip}`,
      );
      continue;
    }
    const result = decode(file);
    assert.ok(result.activities.length > 0, `${file} yields at least one activity`);
    const expectedWarning = EXPECTED_WARNINGS[file];
    if (expectedWarning) {
      assert.ok(
        result.warnings.some((w) => w.code === expectedWarning),
        `${file} warns ${expectedWarning}; got ${result.warnings.map((w) => w.code).join(', ') || 'none'}`,
      );
    }
  }
});

test('totals match EXPECTED.tsv: distance and timer within 1 %, start within 1 s', () => {
  let checked = 0;
  for (const row of expectedRows()) {
    if (EXPECTED_SKIPS[row.file]) continue;
    // Device-relative files (FR70) have no calendar start; their totals are still checked.
    const summaries = decode(row.file).activities.map((a) =>
      summarizeActivity(Number.isFinite(a.startMs) ? a : { ...a, startMs: 0 }, utcOffset),
    );
    if (row.startUtc) {
      const start = Math.min(...summaries.map((s) => s.startMs));
      assert.ok(
        Math.abs(start - Date.parse(row.startUtc)) <= 1000,
        `${row.file}: start ${new Date(start).toISOString()} vs ${row.startUtc}`,
      );
    }
    if (row.distanceM !== null && row.distanceM > 0) {
      const distance = summaries.reduce((sum, s) => sum + s.distanceM, 0);
      assert.ok(
        Math.abs(distance - row.distanceM) <= row.distanceM * 0.01,
        `${row.file}: distance ${distance} vs ${row.distanceM}`,
      );
    }
    if (row.timerS !== null && row.timerS > 0) {
      const timer = summaries.reduce((sum, s) => sum + (s.timerTimeS ?? s.movingTimeS), 0);
      assert.ok(
        Math.abs(timer - row.timerS) <= row.timerS * 0.01,
        `${row.file}: timer ${timer} vs ${row.timerS}`,
      );
    }
    checked++;
  }
  assert.ok(checked >= 60, `checked ${checked} EXPECTED rows`);
});

test('a file is recognised by content, not by name: a GPX named .fit imports as GPX', () => {
  const result = decode('bad/gpx-renamed-as.fit');
  assert.equal(result.activities[0]?.format, 'gpx');
});
