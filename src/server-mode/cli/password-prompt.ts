/**
 * The password for `kneewise account …`: from KNEEWISE_PASSWORD, else asked on the terminal without echo.
 * Never a command-line flag: those end up in shell history and in every process listing.
 */
import { KneewiseError } from '../../domain/errors.ts';

export async function readPassword(
  io: { stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream; isTTY: boolean },
  prompt: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const fromEnv = env.KNEEWISE_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = io.stdin as NodeJS.ReadStream;
  if (!io.isTTY || typeof stdin.setRawMode !== 'function') {
    throw new KneewiseError(
      'PASSWORD_NEEDED',
      'password: run this on a terminal to be asked for it, or set KNEEWISE_PASSWORD (never a flag)',
    );
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.off('data', onData);
            io.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            io.stderr.write('\n');
            reject(new KneewiseError('PASSWORD_NEEDED', 'password: cancelled, nothing was sent'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
