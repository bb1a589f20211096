import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The entry as `npm start` runs it: the built file (turbo builds before testing).
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('dist/main.js', () => {
  beforeAll(() => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is not built: run \`npm run build\` first (npm test does).`);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints one line with the URL, then stops cleanly on ${signal}`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-main-'));
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', VERBATIM_DB: path.join(dir, 'verbatim.db') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d));
        const line = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            out += d;
            if (out.includes('\n')) resolve(out);
          });
          child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
        });
        expect(line).toMatch(/^Verbatim is serving http:\/\/127\.0\.0\.1:\d+ \(API reference: http:\/\/127\.0\.0\.1:\d+\/api\/docs\)\n$/);
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
        expect((await fetch(`${url}/api/health`)).status).toBe(200);

        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.kill(signal);
        expect(await exited).toBe(0);
        // The store was closed: SQLite removed its write-ahead log.
        expect(fs.existsSync(path.join(dir, 'verbatim.db-wal'))).toBe(false);
        expect(err).toBe('');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('refuses a PORT that is not a port number, in one sentence', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toBe('verbatim: PORT must be a port number from 0 to 65535, not "eighty".\n');
  });
});
