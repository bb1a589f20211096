/**
 * Real processes for the team-server tests: `npm start`'s entry (dist/main.js) and
 * `verbatim worker`, each started as a user starts it, and every one killed whatever the
 * outcome — after each test, and when the test process itself ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../../../packages/cli/bin/verbatim.js', import.meta.url));

export interface Started {
  readonly child: ChildProcess;
  /** Everything it printed so far, both streams. */
  output(): string;
  /** Waits for its exit; the exit code, or the signal that ended it. */
  exited(): Promise<number | NodeJS.Signals>;
}

export interface StartedServer extends Started {
  url: string;
}

const running = new Set<ChildProcess>();
let hooked = false;

/** Kills (SIGKILL) every process started here and not yet ended; waits for each to be gone. */
export async function killAll(): Promise<void> {
  const children = [...running];
  await Promise.all(children.map((child) => kill(child, 'SIGKILL')));
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await gone;
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Synchronous: on exit nothing asynchronous runs any more.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function launch(args: string[], env: Record<string, string>): Started {
  for (const file of [MAIN, CLI]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  hookExit();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, VERBATIM_CORPUS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exit = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal!);
    });
  });
  return { child, output: () => out, exited: () => exit };
}

/** Resolves once `started` printed a line matching `pattern`; rejects if it exits first or takes over `ms`. */
async function waitFor(started: Started, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const end = Date.now() + ms;
  for (;;) {
    const found = pattern.exec(started.output());
    if (found) return found;
    if (started.child.exitCode !== null || started.child.signalCode !== null) {
      throw new Error(`the process ended before it was ready:\n${started.output()}`);
    }
    if (Date.now() > end) throw new Error(`the process was not ready within ${ms} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npm start` on the corpus at `databaseUrl`, on a free port; resolves once it listens. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<StartedServer> {
  const started = launch([MAIN], { PORT: '0', HOST: '127.0.0.1', VERBATIM_DATABASE_URL: databaseUrl, ...env });
  const [, url] = await waitFor(started, /Verbatim is serving (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
  return { ...started, url: url! };
}

/** `verbatim worker` on the corpus at `databaseUrl`; resolves once it takes jobs. */
export async function startWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<Started> {
  const started = launch([CLI, 'worker'], { VERBATIM_DATABASE_URL: databaseUrl, ...env });
  await waitFor(started, /worker taking alignment jobs/, 60_000);
  return started;
}

/** A `verbatim` command on the corpus at `databaseUrl`, run to its end: its exit status and what it printed, stream by stream. */
export async function runVerbatim(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | NodeJS.Signals; stdout: string; stderr: string }> {
  hookExit();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, VERBATIM_CORPUS: '', VERBATIM_DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const status = await new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal!);
    });
  });
  return { status, stdout, stderr };
}
