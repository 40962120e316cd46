/**
 * Where CLI output goes. With `--json`, stdout carries exactly one JSON document; progress and logs go to
 * stderr. Errors map to exit codes: 2 for bad usage or bad input, 1 for failures.
 */
import { KneewiseError } from '../domain/errors.ts';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof KneewiseError) return error.kind === 'internal' ? 1 : 2;
  return 1;
}

export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof KneewiseError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}
