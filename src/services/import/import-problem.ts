/**
 * Why a file could not be imported, as the import reports it. Apart from file-preparation.ts, so the importing
 * thread can name failures without loading the decoders, which only the thread preparing files needs.
 */
import { KneewiseError } from '../../domain/errors.ts';

export interface Problem {
  code: string;
  message: string;
}

/** A failure as the import reports it: a coded error as it is, a file-system failure as READ_FAILED. */
export function problemFrom(error: unknown): Problem {
  if (error instanceof KneewiseError) return { code: error.code, message: error.message };
  // The file system failed (permissions, I/O): nothing was decoded, so it is a read failure.
  const fsCode = (error as { code?: unknown } | null)?.code;
  if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) {
    return { code: 'READ_FAILED', message: `cannot read the file (${fsCode})` };
  }
  return { code: 'DECODE_FAILED', message: error instanceof Error ? error.message : String(error) };
}
