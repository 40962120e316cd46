#!/usr/bin/env node
// Rebuilds the six damaged/chained FIT files of test/corpus/bad/ from files of this corpus whose licence is clear
// (fit/garmin-fenix5-run-short.fit and fit/garmin-edge510-settings-not-activity.fit, python-fitparse, MIT).
// They replace files derived from the Garmin FIT SDK example Activity.fit, whose upstream licence needs
// review (see test/corpus/README.md). Run from anywhere: `node scripts/derive-corpus-bad-fit.mjs`; the output is deterministic.
import { readFileSync, writeFileSync } from 'node:fs';

const at = (rel) => new URL(`../test/corpus/${rel}`, import.meta.url);
const run = readFileSync(at('fit/garmin-fenix5-run-short.fit'));
const settings = readFileSync(at('fit/garmin-edge510-settings-not-activity.fit'));
const headerOnly = readFileSync(at('bad/fit-header-only.fit'));

/** A copy with the file's last (CRC) byte inverted. */
const badCrc = (b) => {
  const c = Buffer.from(b);
  c[c.length - 1] ^= 0xff;
  return c;
};

const files = {
  // Chained: a good activity, then the same activity again with a wrong file CRC.
  'bad/fit-chained-2nd-filecrc.fit': Buffer.concat([run, badCrc(run)]),
  // Chained: a good activity, then a header that declares data which is absent.
  'bad/fit-chained-2nd-nodata.fit': Buffer.concat([run, headerOnly]),
  // Valid control: an activity followed by a settings file.
  'bad/fit-chained-activity-settings-valid.fit': Buffer.concat([run, settings]),
  // Chained: the second file's header has a broken ".FIT" signature.
  'bad/fit-chained-corrupt-2nd-header.fit': (() => {
    const second = Buffer.from(settings);
    second.write('.FIX', 8, 'latin1');
    return Buffer.concat([run, second]);
  })(),
  // One file whose two CRC bytes are zero although the data is intact.
  'bad/fit-filecrc.fit': (() => {
    const c = Buffer.from(run);
    c.writeUInt16LE(0, c.length - 2);
    return c;
  })(),
  // Cut at 80 %: the end of the records, the lap and session messages and the CRC are missing.
  'bad/fit-unexpected-eof.fit': run.subarray(0, Math.floor(run.length * 0.8)),
};
for (const [rel, bytes] of Object.entries(files)) writeFileSync(at(rel), bytes);
