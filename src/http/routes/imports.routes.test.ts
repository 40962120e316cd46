/**
 * The upload rules of /api/imports with a stand-in import (the real one runs in imports.routes.db.test.ts):
 * names that cannot leave the scratch folder, the content type, empty and oversized files, unknown jobs,
 * files after the start, too many open jobs, one import at a time, and a failing import that fails only its job.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../db/connection.ts';
import type { ImportReport } from '../../services/import/import.service.ts';
import type { ImportJobsOptions, ImportJobView, ImportRunner } from '../../services/import-jobs.service.ts';
import { createHttpApp } from '../app.ts';
import { importRoutes } from './imports.routes.ts';

const EMPTY_REPORT: ImportReport = { imported: 0, duplicates: 0, skipped: [], warnings: [] };

async function setup(options: ImportJobsOptions = {}, now = () => new Date('2025-06-01T12:00:00Z')) {
  const store = await openDatabase(':memory:');
  const scratchDir = mkdtempSync(join(tmpdir(), 'kneewise-scratch-'));
  const app = createHttpApp(
    { store, now, pdfRenderer: null, scratchDir },
    { webRoot: null, routes: (deps) => importRoutes(deps, options) },
  );
  const call = (
    method: string,
    path: string,
    body?: RequestInit['body'],
    type = 'application/octet-stream',
  ) =>
    app.request(`http://127.0.0.1/api${path}`, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'content-type': type } }),
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  return {
    scratchDir,
    call,
    async close() {
      await store.close();
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}

async function ok(response: Response, status = 202): Promise<ImportJobView> {
  const body = (await response.json()) as { job: ImportJobView };
  assert.equal(response.status, status, JSON.stringify(body));
  return body.job;
}

async function refused(response: Response, status: number, code: string): Promise<string> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.error.code, code);
  return body.error.message;
}

const bytes = (text = 'fit bytes') => new TextEncoder().encode(text);

async function until(predicate: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('a name with folders keeps only its last part, inside the job folder; a name that is nothing is refused', async () => {
  const s = await setup();
  try {
    const job = await ok(
      await s.call('POST', `/imports?name=${encodeURIComponent('../../evil.fit')}`, bytes()),
    );
    assert.deepEqual(job.files, ['evil.fit']);
    assert.ok(existsSync(join(s.scratchDir, job.id, 'evil.fit')));
    assert.deepEqual(readdirSync(s.scratchDir), [job.id], 'nothing landed outside the job folder');
    const windows = await ok(
      await s.call('POST', `/imports/${job.id}/files?name=${encodeURIComponent('C:\\runs\\a.gpx')}`, bytes()),
    );
    assert.deepEqual(windows.files, ['evil.fit', 'a.gpx']);

    const missing = await refused(await s.call('POST', '/imports', bytes()), 400, 'IMPORT_NAME_MISSING');
    assert.match(missing, /^query\.name: /);
    await refused(await s.call('POST', '/imports?name=..', bytes()), 400, 'IMPORT_NAME_INVALID');
    await refused(await s.call('POST', '/imports?name=%2F..%2F', bytes()), 400, 'IMPORT_NAME_INVALID');
  } finally {
    await s.close();
  }
});

test('raw bytes only, never above the size limit; a refused first file leaves no job behind', async () => {
  const s = await setup({ limits: { maxFileBytes: 16 } });
  try {
    await refused(
      await s.call('POST', '/imports?name=a.fit', '{"a":1}', 'application/json'),
      415,
      'IMPORT_CONTENT_TYPE',
    );
    await refused(await s.call('POST', '/imports?name=a.fit', 'x', 'text/plain'), 415, 'IMPORT_CONTENT_TYPE');
    await refused(
      await s.call('POST', '/imports?name=a.fit', bytes('x'.repeat(17))),
      413,
      'IMPORT_FILE_TOO_LARGE',
    );
    assert.deepEqual(readdirSync(s.scratchDir), []);
  } finally {
    await s.close();
  }
});

test('one empty or failed file never sinks the upload: the job goes on and the report lists it as skipped, with why', async () => {
  const imported: string[][] = [];
  const runImport: ImportRunner = async (_ctx, paths, _progress, options) => {
    imported.push(paths.map((p) => options?.displayAs?.(p) ?? p));
    return { ...EMPTY_REPORT, imported: paths.length };
  };
  const s = await setup({ limits: { maxFileBytes: 16 }, runImport });
  try {
    // An empty file (even the first) is kept: the import says it is empty, as `kneewise import` does.
    const job = await ok(await s.call('POST', '/imports?name=empty.fit', new Uint8Array()));
    assert.deepEqual(job.files, ['empty.fit']);
    await ok(await s.call('POST', `/imports/${job.id}/files?name=a.fit`, bytes('x'.repeat(16))));
    const tooLarge = await refused(
      await s.call('POST', `/imports/${job.id}/files?name=big.fit`, bytes('x'.repeat(17))),
      413,
      'IMPORT_FILE_TOO_LARGE',
    );
    // The browser could not read this one: its bytes stop halfway.
    const unreadable = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('half'));
        controller.error(new Error(`EACCES: permission denied, open '${s.scratchDir}/x'`));
      },
    });
    const failed = await refused(
      await s.call('POST', `/imports/${job.id}/files?name=locked.gpx`, unreadable),
      400,
      'IMPORT_UPLOAD_FAILED',
    );
    assert.match(failed, /"locked\.gpx" did not arrive: the upload stopped before the whole file arrived/);
    assert.doesNotMatch(failed, /kneewise-scratch|\/tmp\//, 'no scratch path in what the runner reads');
    assert.deepEqual(readdirSync(join(s.scratchDir, job.id)).sort(), ['a.fit', 'empty.fit']);

    const listed = await ok(await s.call('GET', `/imports/${job.id}`), 200);
    assert.deepEqual(
      listed.skipped.map((x) => [x.file, x.code]),
      [
        ['big.fit', 'IMPORT_FILE_TOO_LARGE'],
        ['locked.gpx', 'IMPORT_UPLOAD_FAILED'],
      ],
    );
    await ok(await s.call('POST', `/imports/${job.id}/start`));
    await until(async () => (await ok(await s.call('GET', `/imports/${job.id}`), 200)).state === 'done');
    const done = await ok(await s.call('GET', `/imports/${job.id}`), 200);
    assert.deepEqual(imported, [['empty.fit', 'a.fit']], 'the import ran on every file that arrived');
    assert.equal(done.report?.imported, 2);
    assert.deepEqual(
      done.report?.skipped.map((x) => [x.file, x.code, x.message]),
      [
        ['big.fit', 'IMPORT_FILE_TOO_LARGE', tooLarge],
        ['locked.gpx', 'IMPORT_UPLOAD_FAILED', failed],
      ],
    );
  } finally {
    await s.close();
  }
});

test('a name too long for any file system is refused with a clear error that shows no scratch path', async () => {
  const s = await setup({ runImport: async () => EMPTY_REPORT });
  try {
    const name = `${'🏃'.repeat(120)}.fit`;
    const message = await refused(
      await s.call('POST', `/imports?name=${encodeURIComponent(name)}`, bytes()),
      400,
      'IMPORT_NAME_TOO_LONG',
    );
    assert.match(message, /^query\.name: a file name may be at most 255 bytes; this one has 484/);
    assert.doesNotMatch(message, /kneewise-scratch|\/tmp\//);
    // A long name a file system can hold is kept by its end (the extension says what it is).
    const kept = await ok(
      await s.call('POST', `/imports?name=${encodeURIComponent(`${'🏃'.repeat(60)}.fit`)}`, bytes()),
    );
    assert.match(kept.files[0]!, /^(🏃)+\.fit$/u);
    assert.deepEqual(readdirSync(join(s.scratchDir, kept.id)), kept.files);
    assert.deepEqual(readdirSync(s.scratchDir), [kept.id]);
  } finally {
    await s.close();
  }
});

test('a job still receiving can be cancelled: its files go and it is forgotten; an import already running cannot', async () => {
  const gates: (() => void)[] = [];
  const runImport: ImportRunner = async () => {
    await new Promise<void>((release) => gates.push(release));
    return EMPTY_REPORT;
  };
  const s = await setup({ limits: { maxOpenJobs: 1 }, runImport });
  try {
    const job = await ok(await s.call('POST', '/imports?name=a.fit', bytes()));
    await refused(await s.call('POST', '/imports?name=b.fit', bytes()), 429, 'IMPORT_TOO_MANY_JOBS');
    const cancelled = await ok(await s.call('DELETE', `/imports/${job.id}`), 200);
    assert.equal(cancelled.state, 'cancelled');
    assert.deepEqual(cancelled.files, ['a.fit']);
    assert.deepEqual(readdirSync(s.scratchDir), [], 'its files are gone');
    await refused(await s.call('GET', `/imports/${job.id}`), 404, 'IMPORT_JOB_NOT_FOUND');
    await refused(await s.call('DELETE', `/imports/${job.id}`), 404, 'IMPORT_JOB_NOT_FOUND');

    const next = await ok(await s.call('POST', '/imports?name=b.fit', bytes()), 202);
    await ok(await s.call('POST', `/imports/${next.id}/start`));
    await until(async () => gates.length === 1);
    await refused(await s.call('DELETE', `/imports/${next.id}`), 400, 'IMPORT_JOB_STARTED');
    gates.shift()!();
    await until(async () => (await ok(await s.call('GET', `/imports/${next.id}`), 200)).state === 'done');
    // A finished job is just forgotten.
    assert.equal((await ok(await s.call('DELETE', `/imports/${next.id}`), 200)).state, 'done');
    await refused(await s.call('GET', `/imports/${next.id}`), 404, 'IMPORT_JOB_NOT_FOUND');
  } finally {
    await s.close();
  }
});

test('a cancel stops an upload still streaming; its request ends with a clear error', async () => {
  const s = await setup({ runImport: async () => EMPTY_REPORT });
  try {
    const job = await ok(await s.call('POST', '/imports?name=a.fit', bytes()));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulled++;
        await new Promise((r) => setTimeout(r, 2));
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const upload = s.call('POST', `/imports/${job.id}/files?name=slow.fit`, endless);
    await until(async () => pulled > 5);
    await ok(await s.call('DELETE', `/imports/${job.id}`), 200);
    const message = await refused(await upload, 400, 'IMPORT_UPLOAD_EXPIRED');
    assert.match(message, /"slow\.fit" was not kept: its import was cancelled/);
    await until(async () => readdirSync(s.scratchDir).length === 0);
  } finally {
    await s.close();
  }
});

test('a job that receives no bytes for 10 minutes expires and frees its place, a stalled upload included', async () => {
  let clock = Date.parse('2025-06-01T12:00:00Z');
  const s = await setup(
    { limits: { maxOpenJobs: 2 }, runImport: async () => EMPTY_REPORT },
    () => new Date(clock),
  );
  try {
    const idle = await ok(await s.call('POST', '/imports?name=a.fit', bytes()));
    // An upload that sent a few bytes and then nothing more (a closed laptop lid, a stuck browser).
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('first bytes'));
      },
    });
    const stalledUpload = s.call('POST', '/imports?name=b.fit', stalled);
    // Its job is open once its file is being written.
    await until(async () =>
      readdirSync(s.scratchDir).some((d) => existsSync(join(s.scratchDir, d, 'b.fit'))),
    );
    await refused(await s.call('POST', '/imports?name=c.fit', bytes()), 429, 'IMPORT_TOO_MANY_JOBS');

    clock += 9 * 60_000;
    await refused(await s.call('POST', '/imports?name=c.fit', bytes()), 429, 'IMPORT_TOO_MANY_JOBS');
    assert.equal((await ok(await s.call('GET', `/imports/${idle.id}`), 200)).state, 'receiving');

    clock += 2 * 60_000;
    const fresh = await ok(await s.call('POST', '/imports?name=c.fit', bytes()));
    await refused(await s.call('GET', `/imports/${idle.id}`), 404, 'IMPORT_JOB_NOT_FOUND');
    await refused(await stalledUpload, 400, 'IMPORT_UPLOAD_EXPIRED');
    await until(async () => readdirSync(s.scratchDir).join() === fresh.id);
  } finally {
    await s.close();
  }
});

test('unknown jobs are 404; files after the start are refused; a started job cannot start again', async () => {
  const s = await setup({ runImport: async () => EMPTY_REPORT });
  try {
    await refused(await s.call('GET', '/imports/nope'), 404, 'IMPORT_JOB_NOT_FOUND');
    await refused(
      await s.call('POST', '/imports/nope/files?name=a.fit', bytes()),
      404,
      'IMPORT_JOB_NOT_FOUND',
    );
    await refused(await s.call('POST', '/imports/nope/start'), 404, 'IMPORT_JOB_NOT_FOUND');
    const job = await ok(await s.call('POST', '/imports?name=a.fit', bytes()));
    await ok(await s.call('POST', `/imports/${job.id}/start`));
    await refused(
      await s.call('POST', `/imports/${job.id}/files?name=b.fit`, bytes()),
      400,
      'IMPORT_JOB_STARTED',
    );
    await refused(await s.call('POST', `/imports/${job.id}/start`), 400, 'IMPORT_JOB_STARTED');
    await until(async () => (await ok(await s.call('GET', `/imports/${job.id}`), 200)).state === 'done');
  } finally {
    await s.close();
  }
});

test('too many open imports are refused until one ends', async () => {
  const s = await setup({ limits: { maxOpenJobs: 2 }, runImport: async () => EMPTY_REPORT });
  try {
    const first = await ok(await s.call('POST', '/imports?name=a.fit', bytes()));
    await ok(await s.call('POST', '/imports?name=b.fit', bytes()));
    await refused(await s.call('POST', '/imports?name=c.fit', bytes()), 429, 'IMPORT_TOO_MANY_JOBS');
    await ok(await s.call('POST', `/imports/${first.id}/start`));
    await until(async () => (await ok(await s.call('GET', `/imports/${first.id}`), 200)).state === 'done');
    await ok(await s.call('POST', '/imports?name=c.fit', bytes()));
  } finally {
    await s.close();
  }
});

test('one import at a time: a second started job waits for the first; a failure fails only its own job', async () => {
  let running = 0;
  let most = 0;
  const gates: (() => void)[] = [];
  const runImport: ImportRunner = async (_ctx, paths, onProgress = () => {}) => {
    running++;
    most = Math.max(most, running);
    await new Promise<void>((release) => gates.push(release));
    running--;
    if (paths.some((p) => p.endsWith('broken.fit'))) throw new Error('the disk vanished');
    onProgress({ done: 1, total: 1, imported: 1, skipped: 0, current: 'x.fit' });
    return { ...EMPTY_REPORT, imported: 1 };
  };
  const s = await setup({ runImport });
  try {
    const a = await ok(await s.call('POST', '/imports?name=broken.fit', bytes()));
    const b = await ok(await s.call('POST', '/imports?name=fine.fit', bytes()));
    await ok(await s.call('POST', `/imports/${a.id}/start`));
    const bStarted = await ok(await s.call('POST', `/imports/${b.id}/start`));
    assert.equal(bStarted.state, 'importing');
    await until(async () => gates.length === 1);
    const waiting = await ok(await s.call('GET', `/imports/${b.id}`), 200);
    assert.equal(waiting.queued, true, 'b waits while a runs');
    gates.shift()!();
    await until(async () => gates.length === 1);
    const failed = await ok(await s.call('GET', `/imports/${a.id}`), 200);
    assert.equal(failed.state, 'failed');
    assert.deepEqual(failed.error, { code: 'IMPORT_FAILED', message: 'the disk vanished' });
    assert.equal(existsSync(join(s.scratchDir, a.id)), false, 'scratch files removed after a failure too');
    gates.shift()!();
    await until(async () => (await ok(await s.call('GET', `/imports/${b.id}`), 200)).state === 'done');
    const done = await ok(await s.call('GET', `/imports/${b.id}`), 200);
    assert.equal(done.report?.imported, 1);
    assert.deepEqual(done.progress, { done: 1, total: 1, current: null });
    assert.equal(most, 1, 'never two imports at once');
  } finally {
    await s.close();
  }
});
