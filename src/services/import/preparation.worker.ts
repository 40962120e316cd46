/**
 * A preparation worker (preparation-pool.ts): prepares the files it is sent (file-preparation.ts) and sends
 * each answer back with its large buffers moved, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { ReadBuffer, readRegularFileSync } from './bounded-file.ts';
import {
  type FilePreparer,
  filePreparer,
  type PreparationJob,
  type PreparationSettings,
} from './file-preparation.ts';
import { transferablesOf } from './preparation-transfer.ts';

const port = parentPort;
if (!port) throw new Error('preparation.worker.ts runs as a worker thread (preparation-pool.ts starts it)');
// The import's settings arrive first (the worker may start before they are known), then the files.
let prepare: FilePreparer | null = null;
/** Every file is read into the same memory (bounded-file.ts says why). */
const readBuffer = new ReadBuffer();

type Message = { settings: PreparationSettings } | { id: number; job: PreparationJob };

port.on('message', async (message: Message) => {
  if ('settings' in message) {
    prepare = filePreparer(message.settings, undefined, (path, display) =>
      readRegularFileSync(path, display, undefined, readBuffer),
    );
    return;
  }
  const { id, job } = message;
  try {
    if (!prepare) throw new Error('a file arrived before the import settings');
    // A byte path arrives as a plain Uint8Array; the file system takes it as a Buffer.
    const path: unknown = job.path;
    if (path instanceof Uint8Array && !Buffer.isBuffer(path)) {
      job.path = Buffer.from(path.buffer, path.byteOffset, path.byteLength);
    }
    const file = await prepare(job);
    if (file.kind === 'decoded') {
      for (const p of file.prepared) if (p.ok && p.streams) p.streams.data = inSharedMemory(p.streams.data);
    }
    port.postMessage({ id, file }, transferablesOf(file));
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

/**
 * The blob, copied (a few tens of kB) into memory the importing thread shares, so the message carries it
 * without copying it again and without moving it. Moving (transferring) detaches an ArrayBuffer, and the first
 * detach in a thread makes V8 drop every optimised function of that thread that reads typed arrays (the
 * decoder, the summary, the encoder) and compile them again with checks for detached memory: measured on the
 * 300-run bench, every one of them deoptimised right after the first file, and recompiled.
 */
function inSharedMemory(data: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(data.byteLength));
  shared.set(data);
  return shared;
}
