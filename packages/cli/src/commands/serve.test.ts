import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('verbatim serve', () => {
  it('serves the API on the port it is given, with the corpus loaded, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-serve-'));
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
      env: { ...process.env, VERBATIM_DB: join(dir, 'v.db'), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(line).toContain(`:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const documents = (await (await fetch(`http://127.0.0.1:${port}/api/documents`)).json()) as Array<{ id: string }>;
      expect(documents.map((d) => d.id).sort()).toEqual(['joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation']);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses a port that is not a number', () => {
    const result = runCli(['serve', '--port', 'eighty']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^verbatim serve: --port must be a port number, not "eighty"\.\n$/);
  });
});
