/**
 * What a drop holds: plain files, or whole folders (an unzipped export). Folders are walked through the
 * File and Directory Entries API, keeping each file's path so the export's layout reaches the server.
 */
import type { ChosenFile } from './upload-client.ts';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns at most ~100 entries per call: call until it returns none. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, into: ChosenFile[]): Promise<void> {
  const name = entry.fullPath.replace(/^\//, '') || entry.name;
  if (entry.isFile) {
    into.push({ file: await fileOf(entry as FileSystemFileEntry), name });
  } else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, into);
  }
}

/**
 * Must be called synchronously inside the drop handler (the browser empties the DataTransfer afterwards);
 * the returned promise does the walking.
 */
export function filesFromDrop(data: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  const plain = [...data.files].map((file) => ({ file, name: file.name }));
  if (entries.length === 0 || entries.some((e) => e === null) || entries.every((e) => e?.isFile)) {
    return Promise.resolve(plain);
  }
  return (async () => {
    const found: ChosenFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, found);
    return found;
  })();
}
