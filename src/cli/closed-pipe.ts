/**
 * When the reader of kneewise's output goes away (`kneewise activities | head`), writing fails with EPIPE. A
 * Unix tool then ends quietly with success: the reader has what it wanted. Anything else stays an error.
 */
export function endQuietlyOnClosedPipe(
  streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') exit(0);
      else throw error;
    });
  }
}
