/**
 * Talking to the import API: each file goes up as raw bytes with XMLHttpRequest (fetch cannot report upload
 * progress), then the job is started and polled. Errors become the same ApiError the rest of the dashboard uses.
 */
import { ApiError, api, apiUrl, forgetPrefetched } from '../api.ts';
import type { ImportJob, ImportJobResponse } from '../types/imports.ts';

/**
 * Files kneewise can read: exports as ZIP, activity files, each optionally gzipped. An unzipped export's
 * CSV/JSON stay behind: the server keeps bare file names, so they could not be matched to the activity files
 * (the ZIP as it arrived keeps that information).
 */
const ACTIVITY_FILE = /\.(zip|fit|gpx|tcx)(\.gz)?$/i;

/** A file the runner chose, named by its path inside a chosen or dropped folder (the server keeps the last part). */
export interface ChosenFile {
  file: File;
  name: string;
}

/** From an <input type=file>: a folder pick carries webkitRelativePath, so export layouts survive. */
export function chosenFromInput(files: FileList | readonly File[]): ChosenFile[] {
  return [...files].map((file) => ({ file, name: file.webkitRelativePath || file.name }));
}

export function isImportable(chosen: ChosenFile): boolean {
  return ACTIVITY_FILE.test(chosen.name);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      return new ApiError(xhr.status, body.error.code ?? `HTTP_${xhr.status}`, body.error.message);
    }
  } catch {
    // not JSON: fall through to the status
  }
  return new ApiError(
    xhr.status,
    `HTTP_${xhr.status}`,
    `The upload failed (${xhr.status} ${xhr.statusText}).`,
  );
}

/** POSTs one file's bytes to `path` (under /api) and resolves with the job the server returns. */
export function postFile(
  path: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    forgetPrefetched(); // the import changes what every screen shows
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFromXhr(xhr));
      try {
        resolve((JSON.parse(xhr.responseText) as ImportJobResponse).job);
      } catch {
        reject(
          new ApiError(
            xhr.status,
            'BAD_RESPONSE',
            'The server answered the upload with something unexpected.',
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'NETWORK', 'The upload could not reach kneewise. Is `kneewise serve` still running?'),
      );
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export function createJob(chosen: ChosenFile, onProgress: (p: UploadProgress) => void, signal: AbortSignal) {
  return postFile(`/imports?name=${encodeURIComponent(chosen.name)}`, chosen.file, onProgress, signal);
}

export function addFileToJob(
  jobId: string,
  chosen: ChosenFile,
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal,
) {
  const path = `/imports/${encodeURIComponent(jobId)}/files?name=${encodeURIComponent(chosen.name)}`;
  return postFile(path, chosen.file, onProgress, signal);
}

export async function startJob(jobId: string): Promise<ImportJob> {
  return (await api<ImportJobResponse>(`/imports/${encodeURIComponent(jobId)}/start`, { method: 'POST' }))
    .job;
}

export async function readJob(jobId: string): Promise<ImportJob> {
  return (await api<ImportJobResponse>(`/imports/${encodeURIComponent(jobId)}`)).job;
}

/** A job's error as one sentence and its code. */
export function jobError(job: ImportJob): { message: string; code: string | null } {
  return job.error ?? { message: 'The import stopped without saying why.', code: null };
}
