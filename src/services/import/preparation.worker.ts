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
      for (const p of file.prepared) {
        // zlib hands the blob back as a view into a larger buffer, which a message would copy whole: an
        // exact copy (a few tens of kB) is cheaper, and it can be moved.
        const data = p.ok ? p.streams?.data : undefined;
        if (p.ok && p.streams && data && data.byteLength !== data.buffer.byteLength) {
          p.streams.data = new Uint8Array(data);
        }
      }
    }
    port.postMessage({ id, file }, transferablesOf(file));
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
