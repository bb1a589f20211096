import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningServer } from './server.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a whole request and only then reads the answer, as Python's urllib and `requests`
 * do with a file: a server that answers and closes with the body unread makes such a client
 * fail on a broken pipe (EPIPE) before it reads a byte of the 413.
 */
function sendWholeThenRead(port: number, head: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', reject);
    socket.pause();
    socket.write(head);
    socket.write(body, (error) => {
      if (error) return reject(error);
      let received = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const text = received.toString('utf8');
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        const length = Number(headers['content-length']);
        const rest = received.subarray(Buffer.byteLength(text.slice(0, end + 4)));
        if (rest.length < length) return;
        socket.destroy();
        resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.subarray(0, length).toString('utf8') });
      });
      socket.resume();
    });
  });
}

describe('an upload over the body limit', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-uploads-'));
    server = await start({ dbPath: path.join(dir, 'verbatim.db'), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${server.port}`;
  const problem = {
    type: 'about:blank',
    title: 'Content Too Large',
    status: 413,
    detail: 'The request body is over the 6 MB limit of this server; a document may be at most 5 MB of text.',
  };

  it('answers 413 problem+json to a client that writes all 8 MB before it reads', async () => {
    const body = Buffer.from(JSON.stringify({ text: 'word '.repeat(1_600_000), kind: 'source', title: 'Too long' }));
    const head = `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin()}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await sendWholeThenRead(server.port, head, body);
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toEqual(problem);
  });

  it('answers the same to a multipart upload sent in chunks, without a Content-Length', async () => {
    const boundary = 'verbatim-boundary';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.txt"\r\nContent-Type: text/plain\r\n\r\n${'word '.repeat(1_600_000)}\r\n--${boundary}--\r\n`;
    const chunks = [];
    for (let at = 0; at < part.length; at += 1 << 20) {
      const piece = Buffer.from(part.slice(at, at + (1 << 20)));
      chunks.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    const head = `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin()}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const answer = await sendWholeThenRead(server.port, head, Buffer.concat(chunks));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(problem);
    // Nothing of it was stored.
    expect(((await (await fetch(`${origin()}/api/documents`)).json()) as unknown[]).length).toBe(0);
  });

  it('gives the add form back without JavaScript, with what was typed and the size beside the file', async () => {
    const boundary = 'verbatim-form';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(field('kind', 'commentary') + field('title', 'A long upload') + field('author', 'A. Writer') + field('text', '')),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      Buffer.alloc(7 * 1024 * 1024, 'word '),
      Buffer.from(`\r\n${field('address', '')}${field('intent', 'add')}--${boundary}--\r\n`),
    ]);
    const head = `POST /add HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin()}\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = await sendWholeThenRead(server.port, head, body);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/<p class="[^"]*error[^"]*" id="file-error">The document is 7\.0 MB, over the 5 MB limit for one document\.<\/p>/);
    expect(answer.body).toMatch(/<input[^>]*name="title"[^>]*value="A long upload"/);
    expect(answer.body).toMatch(/<input[^>]*name="author"[^>]*value="A. Writer"/);
  });

  it('holds every other form post to 6 MB', async () => {
    const body = Buffer.alloc(7 * 1024 * 1024, 'a');
    const head = `POST /documents/joint-statement-2022-02-04?/edit HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin()}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`;
    expect((await sendWholeThenRead(server.port, head, body)).status).toBe(413);
  });

  it('still takes a document under the limit, read whole', async () => {
    const res = await fetch(`${origin()}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin() },
      body: JSON.stringify({ text: 'A note of our own, long enough to store.', kind: 'commentary', title: 'A note' }),
    });
    expect(res.status).toBe(201);
  });
});
