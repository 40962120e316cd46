/**
 * A real SMTP listener on 127.0.0.1 that accepts every message and keeps it (EHLO/HELO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT; no TLS, no AUTH), so tests send through the same SMTP client as production. Test-only.
 */
import { createServer, type Socket } from 'node:net';

export interface SunkMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: SunkMail[];
  close(): Promise<void>;
}

function session(socket: Socket, messages: SunkMail[]): void {
  let buffer = '';
  let inData = false;
  let current: SunkMail = { from: '', to: [], data: '' };
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 kneewise-test-sink ESMTP');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\r\n');
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          messages.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 queued');
        } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
      } else {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-kneewise-test-sink');
          reply('250 8BITMIME');
        } else if (verb === 'HELO' || verb === 'NOOP') reply('250 ok');
        else if (verb === 'MAIL') {
          current.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 ok');
        } else if (verb === 'RCPT') {
          current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          current = { from: '', to: [], data: '' };
          reply('250 ok');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 not implemented');
      }
      end = buffer.indexOf('\r\n');
    }
  });
  socket.on('error', () => {});
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    session(socket, messages);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink: no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
