import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, startPostgres } from './index.js';

/** The process ids of every running `postgres` whose command line names `folder`. */
function postgresProcessesIn(folder: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(folder));
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startPostgres', () => {
  it('starts a real PostgreSQL that reads English text search, and stops it leaving no process nor folder', async () => {
    const server = await startPostgres();
    let dataFolder = '';
    try {
      const [row] = await query<{ v: string; dir: string }>(
        server.url,
        "SELECT to_tsvector('english', 'The quoted sentences were quoting') AS v, current_setting('data_directory') AS dir",
      );
      expect(row?.v).toBe("'quot':2,5 'sentenc':3");
      dataFolder = row?.dir ?? '';
      expect(fs.existsSync(dataFolder)).toBe(true);
      expect(postgresProcessesIn(dataFolder).length).toBeGreaterThan(0);
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
    } finally {
      await server.stop();
    }
    expect(postgresProcessesIn(dataFolder)).toEqual([]);
    expect(fs.existsSync(dataFolder)).toBe(false);
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });
});

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/**
 * Runs a Node process that starts a server, prints its URL and then does `then` without stopping
 * it: answers the process, the server's data folder and a way to wait for the process to end.
 */
async function childWithServer(then: 'wait' | 'exit'): Promise<{ child: ReturnType<typeof spawn>; dataFolder: string }> {
  const script = `
    import { startPostgres } from ${JSON.stringify(dist)};
    const server = await startPostgres();
    console.log(server.url);
    ${then === 'exit' ? "await new Promise((r) => process.stdin.once('data', r)); process.exit(0);" : 'setInterval(() => {}, 1000);'}
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  while (!out.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`the child ended before starting PostgreSQL (${child.exitCode})`);
    await sleep(50);
  }
  const [row] = await query<{ dir: string }>(out.trim(), "SELECT current_setting('data_directory') AS dir");
  return { child, dataFolder: row?.dir ?? '' };
}

/** Waits (a bounded while) for PostgreSQL's processes in `folder` to be gone; answers those left. */
async function goneFrom(folder: string): Promise<string[]> {
  for (let tries = 0; tries < 100 && postgresProcessesIn(folder).length > 0; tries += 1) await sleep(100);
  return postgresProcessesIn(folder);
}

describe('a process that started a server and ends without stopping it', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('takes the server with it when it receives %s', async (signal) => {
    const { child, dataFolder } = await childWithServer('wait');
    expect(postgresProcessesIn(dataFolder).length).toBeGreaterThan(0);
    const ended = once(child, 'exit');
    child.kill(signal);
    await ended;
    expect(await goneFrom(dataFolder)).toEqual([]);
    expect(fs.existsSync(dataFolder)).toBe(false);
  });

  it('takes the server with it when it calls process.exit', async () => {
    const { child, dataFolder } = await childWithServer('exit');
    expect(postgresProcessesIn(dataFolder).length).toBeGreaterThan(0);
    const ended = once(child, 'exit');
    child.stdin?.write('go\n');
    await ended;
    expect(await goneFrom(dataFolder)).toEqual([]);
  });
});

describe('the run-wide server from globalSetup', () => {
  it('gives each caller of createDatabase its own empty database', async () => {
    const url = inject('postgresUrl');
    const one = await createDatabase(url, 'one');
    const two = await createDatabase(url, 'two');
    expect(one).not.toBe(two);
    await query(one, 'CREATE TABLE notes (text text); INSERT INTO notes VALUES (\'only in one\')');
    expect(await query(one, 'SELECT text FROM notes')).toEqual([{ text: 'only in one' }]);
    await expect(query(two, 'SELECT text FROM notes')).rejects.toThrow(/does not exist/);
  });
});
