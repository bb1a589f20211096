import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../test-support/eventually.js';
import { freshDatabaseUrl } from '../test-support/postgres.js';
import { QUEUES, startQueue, type AlignPairJob, type JobQueue } from './queue.js';

let url: string;
const open: JobQueue[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  url = await freshDatabaseUrl();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const queue of open.splice(0)) await queue.stop({ timeoutMs: 1000 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DELETE FROM pgboss.job`).catch(() => undefined);
  await client.end();
});

async function queue(options: { jobTimeoutSeconds?: number } = {}): Promise<JobQueue> {
  const q = await startQueue({ databaseUrl: url, pollingIntervalSeconds: 0.5, ...options });
  open.push(q);
  return q;
}

function job(n: number): AlignPairJob {
  return { sourceVid: n, commentaryVid: n + 1, sourceId: `source-${n}`, commentaryId: `commentary-${n}`, sourceSha256: `s${n}`, commentarySha256: `c${n}`, engine: 'test-engine' };
}

describe('the job queue on PostgreSQL', () => {
  it('starts on a new database when several processes start at the same moment', async () => {
    // Each start creates pg-boss' schema unless it finds it: started together, they race for it.
    const fresh = await freshDatabaseUrl();
    const started = await Promise.allSettled(
      Array.from({ length: 4 }, () => startQueue({ databaseUrl: fresh, pollingIntervalSeconds: 0.5 })),
    );
    for (const outcome of started) if (outcome.status === 'fulfilled') open.push(outcome.value);
    expect(started.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    await open[0]!.sendAlignPair(job(7));
    expect(await open[3]!.size(QUEUES.alignPair)).toBe(1);
  });

  it('keeps a job sent in a transaction only if that transaction commits', async () => {
    const q = await queue();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await q.sendAlignPair(job(1), { client });
      await client.query('ROLLBACK');
      expect(await q.size(QUEUES.alignPair)).toBe(0);

      await client.query('BEGIN');
      await q.sendAlignPair(job(2), { client });
      // Not visible to the queue's own connections before the commit.
      expect(await q.size(QUEUES.alignPair)).toBe(0);
      await client.query('COMMIT');
      expect(await q.size(QUEUES.alignPair)).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('queues a pair sent twice before any worker takes it once, from two processes alike', async () => {
    const a = await queue();
    const b = await queue();
    await Promise.all([a.sendAlignPair(job(1)), b.sendAlignPair(job(1)), a.sendAlignPair(job(3))]);
    expect(await a.size(QUEUES.alignPair)).toBe(2);
  });

  it('gives each job to one worker, and a job whose handler throws to a worker again', async () => {
    const sender = await queue();
    for (let n = 0; n < 10; n += 2) await sender.sendAlignPair(job(n));
    const done: number[] = [];
    let failedOnce = false;
    const handler = async (data: AlignPairJob) => {
      if (data.sourceVid === 4 && !failedOnce) {
        failedOnce = true;
        throw new Error('the database went away');
      }
      done.push(data.sourceVid);
    };
    await (await queue()).work<AlignPairJob>(QUEUES.alignPair, { concurrency: 2 }, handler);
    await (await queue()).work<AlignPairJob>(QUEUES.alignPair, { concurrency: 1 }, handler);
    await eventually(() => (done.length === 5 ? true : undefined));
    expect(done.sort((x, y) => x - y)).toEqual([0, 2, 4, 6, 8]);
    expect(failedOnce).toBe(true);
  });

  it("gives a job back to another worker, within seconds, when its worker is killed mid-job", async () => {
    const sender = await queue({ jobTimeoutSeconds: 2 });
    await sender.sendAlignPair(job(7));
    // A worker in a process of its own takes the job and never finishes it.
    const dist = new URL('../../dist/jobs/queue.js', import.meta.url);
    const script = `
      const { startQueue } = await import(${JSON.stringify(fileURLToPath(dist))});
      const q = await startQueue({ databaseUrl: ${JSON.stringify(url)}, jobTimeoutSeconds: 2, pollingIntervalSeconds: 0.5 });
      await q.work('align-pair', {}, async (data) => { console.log('took ' + data.sourceVid); await new Promise(() => {}); });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    await eventually(() => (out.includes('took 7') ? true : undefined));
    child.kill('SIGKILL');
    await once(child, 'exit');

    const done: number[] = [];
    await (await queue({ jobTimeoutSeconds: 2 })).work<AlignPairJob>(QUEUES.alignPair, {}, async (data) => {
      done.push(data.sourceVid);
    });
    await eventually(() => (done.length > 0 ? true : undefined));
    expect(done).toEqual([7]);
  });
});
