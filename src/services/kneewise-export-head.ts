/**
 * Whether a file is a kneewise export (data-export.service.ts), told by its head: apart from the restore
 * itself (data-restore.service.ts), so `kneewise import` asks it of every path without loading the restore's
 * validation (zod, about half the import command's start-up).
 */
import { open, stat } from 'node:fs/promises';

/** True when the file starts like a kneewise export (whitespace allowed before the object). */
export async function isKneewiseExport(path: string): Promise<boolean> {
  if (!/\.json$/i.test(path)) return false;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /^\s*\{\s*"format"\s*:\s*"kneewise-export"/.test(head.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
