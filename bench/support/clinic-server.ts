/**
 * The clinic server for bench/server-scale.bench.ts, in its own process (as `kneewise serve --server` runs
 * it, without the dashboard's files): so the load the bench drives and the server's work do not share one
 * event loop. `node --import tsx bench/support/clinic-server.ts POSTGRES_URL` prints its URL, then on
 * SIGTERM stops and prints its own CPU time (user + system, ms) as JSON.
 */
import { startClinicServer } from '../../src/server-mode/http/server.ts';
import { openServerDatabase } from '../../src/server-mode/repositories/server-database.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: clinic-server.ts POSTGRES_URL');
const store = await openServerDatabase(url);
const settings = { publicUrl: 'http://127.0.0.1:1/', trustProxy: false };
const server = await startClinicServer({
  store,
  host: '127.0.0.1',
  port: 0,
  settings,
  webRoot: null,
  pdfRenderer: null,
});
settings.publicUrl = server.url;
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', async () => {
  const cpu = process.cpuUsage();
  await server.stop();
  await store.close();
  process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  process.exit(0);
});
