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

/** Every server this process started and has not stopped: stopped after each test file (cleanup.ts). */
const running = new Map<ChildProcess, () => Promise<void>>();
// The last resort, when the test process itself ends without its hooks (a signal is still sent).
process.once('exit', () => {
  for (const child of running.keys()) child.kill('SIGKILL');
});

/** How long a server may take to say where it listens. */
const START_TIMEOUT_MS = 60_000;

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
  const close = async () => {
    await stop(child);
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  running.set(child, close);
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`The server did not listen within ${START_TIMEOUT_MS / 1000} s: ${errors}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        // "Verbatim is serving http://127.0.0.1:<port> (API reference: …)"
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The server stopped (${code}) before listening: ${errors}`));
      });
    });
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Stops every server still running, whatever state the test that started it ended in. */
export async function stopAllWorkbenches(): Promise<void> {
  await Promise.allSettled([...running.values()].map((close) => close()));
}

function stop(child: ChildProcess): Promise<void> {
  // Gone already: exited, or killed by a signal (then exitCode stays null).
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
