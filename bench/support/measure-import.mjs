/**
 * Runs one `kneewise import` of the built command line (dist/cli, as `kneewise` runs it) in this process and
 * prints its wall time and peak memory as JSON on stdout. The time runs from this process's start, so it
 * counts what a runner waits for: Node starting, the command loading, the import. A separate process per
 * measurement, so peak RSS is the import's own (its worker threads included) and not the benchmark's.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';

const { runCli } = await import(new URL('../../dist/cli/main.js', import.meta.url).href);
const [dbPath, ...paths] = process.argv.slice(2);
const stdout = new PassThrough();
let json = '';
stdout.on('data', (c) => {
  json += c;
});
const code = await runCli(['--db', dbPath, 'import', ...paths, '--json'], {
  stdout,
  stderr: process.stderr,
  stdin: new PassThrough(),
  isTTY: false,
});
// performance.now() counts from the process's start.
const ms = performance.now();
const report = JSON.parse(json);
// Peak resident memory of this process: VmHWM is reset on exec, unlike getrusage's maxrss, which Linux
// carries over from the parent that forked us (the benchmark, holding every file in memory).
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN);
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: hwmKb / 1024, imported: report.imported, skipped: report.skipped.length })}\n`,
);
