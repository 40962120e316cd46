/**
 * The buffers of a prepared file that can be moved to the importing thread instead of copied: the decoded
 * samples an export's metadata needs (the stream blobs travel in shared memory: preparation.worker.ts), only
 * those a typed array owns whole. A column sharing its memory with another is copied (moving it would take its
 * neighbours along, or fail). Moving them costs the worker its optimised code once (preparation.worker.ts
 * says why); copying them, every file.
 */
import type { PreparedFile } from './file-preparation.ts';

export function transferablesOf(file: PreparedFile): ArrayBuffer[] {
  if (file.kind !== 'decoded') return [];
  const owned = new Map<ArrayBufferLike, number>();
  const consider = (view: ArrayBufferView | null | undefined) => {
    if (!view) return;
    const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
    // -1: some view covers only part of it, so it stays (and is copied).
    owned.set(view.buffer, whole && owned.get(view.buffer) !== -1 ? 1 : -1);
  };
  for (const activity of file.activities) {
    for (const column of Object.values(activity.streams ?? {})) consider(column as ArrayBufferView | null);
  }
  const transfer: ArrayBuffer[] = [];
  for (const [buffer, mark] of owned) {
    if (mark === 1 && buffer instanceof ArrayBuffer && buffer.byteLength > 0) transfer.push(buffer);
  }
  return transfer;
}
