/**
 * Starts the real server for a test file — apps/server's entry, as `npm start` runs it,
 * serving this app and the API on one port — on a free loopback port, with a database of its
 * own in a temporary folder. (Its path, not its package: apps/server depends on this one.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../../server/dist/main.js', import.meta.url));
const HANDLER = fileURLToPath(new URL('../../../build/handler.js', import.meta.url));

export interface Workbench {
  url: string;
  close(): Promise<void>;
}

export async function startWorkbench(env: Record<string, string> = {}): Promise<Workbench> {
  if (!existsSync(HANDLER) || !existsSync(MAIN)) throw new Error('The web app or the server is not built: run `npm run build` first (npm test does).');
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-e2e-'));
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, VERBATIM_TOKEN: '', ...env, VERBATIM_DB: join(dir, 'verbatim.db'), PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      // "Verbatim is serving http://127.0.0.1:<port> (API reference: …)"
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`The server stopped (${code}) before listening: ${errors}`)));
  });
  return {
    url,
    close: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
