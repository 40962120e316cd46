/**
 * Runs one `kneewise import` in this process and prints its wall time and peak memory as JSON on stdout.
 * A separate process per measurement, so peak RSS is the import's own and not the benchmark's.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

const [dbPath, ...paths] = process.argv.slice(2);
const stdout = new PassThrough();
let json = '';
stdout.on('data', (c) => (json += c));
const started = performance.now();
const code = await runCli(['--db', dbPath!, 'import', ...paths, '--json'], {
  stdout,
  stderr: process.stderr,
  stdin: new PassThrough(),
  isTTY: false,
});
const ms = performance.now() - started;
const report = JSON.parse(json);
// Peak resident memory of this process: VmHWM is reset on exec, unlike getrusage's maxrss, which Linux
// carries over from the parent that forked us (the benchmark, holding every file in memory).
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN);
process.stdout.write(
  `${JSON.stringify({ code, ms, maxRssMB: hwmKb / 1024, imported: report.imported, skipped: report.skipped.length })}\n`,
);
