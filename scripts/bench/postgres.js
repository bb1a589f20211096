// Benchmark of the team server: the same generated corpus on the embedded SQLite file and on a
// real PostgreSQL (started here through @verbatim/test-postgres, stopped in every outcome), run
// on the built packages by scripts/bench.js:
// - ingestion of BENCH_PG_DOCUMENTS generated documents (2,000 by default, BENCH_PG_DOCUMENTS=10000
//   for the issue's size, about 5 minutes on a loaded 2-core machine: nine in ten
//   sources, one in ten a commentary quoting one of them), added 100 at a time (addBatch, the
//   bulk loader): on SQLite, each commentary aligned in its add; on PostgreSQL `queued`, the
//   adds, then 1, 2 and 4 `verbatim worker` processes draining the alignment jobs, timed from
//   their start until no pair waits (each count on its own copy of the database the adds
//   made) — or, in a build without the job queue, PostgreSQL aligning in the add as SQLite does;
// - candidate search (store.candidates) of one commentary and the read of one alignment
//   (store.alignment), median and p99, on both engines;
// - the real server (apps/server/dist/main.js) on each, autocannon at 50 connections on the
//   report of that alignment and on a page of the document list — the first, and one from the
//   middle of the corpus (GET /api/documents pages by keyset: a late page costs what the first
//   does) —: p99.
// Every figure has PostgreSQL / SQLite beside it. There is no target: the figures say what a
// team pays, per request, for sharing one corpus between servers and workers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '@verbatim/store';
import { createDatabase, startPostgres } from '@verbatim/test-postgres';
import { generatedCommentary, generatedSource } from './corpus.js';
import { median, ms, printTable, startServer } from './lib.js';

// 2,000 by default (about 80 s for the section at load 10 on 2 cores); BENCH_PG_DOCUMENTS=10000
// runs the issue's 10,000, whose adds and drains take minutes.
const DOCUMENTS = Number(process.env.BENCH_PG_DOCUMENTS ?? 2_000);
const WORKERS = [1, 2, 4];
const SOURCE_WORDS = [150, 600];
const BATCH = 100;
const READ_RUNS = 200;
const READ_WARMUPS = 20;
const CONNECTIONS = 50;
const API_SECONDS = Number(process.env.BENCH_PG_API_SECONDS ?? 5);
/** A drain that has not moved for this long has failed (a job the workers cannot do). */
const STALL_MS = 120_000;
const CLI = fileURLToPath(new URL('../../packages/cli/bin/verbatim.js', import.meta.url));

if (!Number.isInteger(DOCUMENTS) || DOCUMENTS < 20) {
  console.error(`bench postgres: BENCH_PG_DOCUMENTS is a number of documents, at least 20, not ${JSON.stringify(process.env.BENCH_PG_DOCUMENTS)}.`);
  process.exit(2);
}
if (!(API_SECONDS > 0)) {
  console.error(`bench postgres: BENCH_PG_API_SECONDS is a number of seconds, not ${JSON.stringify(process.env.BENCH_PG_API_SECONDS)}.`);
  process.exit(2);
}

const commentaryCount = Math.max(1, Math.round(DOCUMENTS / 10));
const sourceTexts = Array.from({ length: DOCUMENTS - commentaryCount }, (_, i) => generatedSource(i + 1, { words: SOURCE_WORDS }));
const inputs = [
  ...sourceTexts.map((text, i) => ({ text, format: 'text', kind: 'source', id: `source-${i + 1}` })),
  ...Array.from({ length: commentaryCount }, (_, i) => ({ text: generatedCommentary(20_000 + i, sourceTexts), format: 'text', kind: 'commentary', id: `commentary-${i + 1}` })),
];
const megabytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0) / 1e6;
/** The commentary whose candidates and alignment are read: one in the middle of the corpus. */
const probe = inputs[DOCUMENTS - Math.ceil(commentaryCount / 2)];

const seconds = (from) => (performance.now() - from) / 1000;
const perSecond = (n, s) => `${Math.round(n / s).toLocaleString('en-US')}/s`;
const times = (ratio) => `${ratio.toFixed(2)}×`;

/** A line as soon as a long step is done, before the tables (a large corpus takes minutes). */
const progress = (line) => console.log(`  … ${line} (load ${os.loadavg()[0].toFixed(1)})`);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Adds every input, BATCH at a time (store.addBatch, the bulk loader); answers the seconds it took. */
async function ingest(store) {
  const started = performance.now();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const items = await store.addBatch(inputs.slice(i, i + BATCH));
    const refused = items.find((item) => !item.ok);
    if (refused) throw new Error(`a generated document was refused: ${refused.reason}`);
  }
  return seconds(started);
}

/** How many alignments the corpus holds: the same on every engine, or one of them lost some. */
async function alignmentCount(store) {
  return (await store.alignments()).length;
}

/** Median and p99 of `fn` over READ_RUNS awaited calls after READ_WARMUPS. */
async function timed(fn) {
  for (let i = 0; i < READ_WARMUPS; i++) await fn();
  globalThis.gc?.();
  const all = [];
  for (let i = 0; i < READ_RUNS; i++) {
    const t = performance.now();
    await fn();
    all.push(performance.now() - t);
  }
  return { median: median(all), p99: percentile(all, 99) };
}

async function reads(store) {
  const candidates = await timed(() => store.candidates(probe.text, { kind: 'source' }));
  const [pair] = await store.alignmentsOf(probe.id);
  if (!pair) throw new Error(`${probe.id} has no alignment to read`);
  const sourceId = pair.source.id;
  const alignment = await timed(() => store.alignment(sourceId, probe.id));
  return { candidates, alignment, sourceId };
}

/** autocannon at CONNECTIONS connections, for `duration` seconds or until `amount` requests are answered. */
function load(url, { duration, amount }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, timeout: 60, ...(amount ? { amount } : { duration }) }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** The address of a page of the list from the middle of the corpus: the pages before it followed by their Link headers. */
async function middlePage(server) {
  let route = '/api/documents?limit=1000';
  for (let walked = 0; walked < DOCUMENTS / 2; walked += 1000) {
    const res = await fetch(server.url + route);
    const next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1];
    await res.arrayBuffer();
    if (!next) break;
    route = new URL(next).pathname + new URL(next).search;
  }
  // The same cursor at the default page size.
  return route.replace('limit=1000&', '');
}

/**
 * p99 of the report of the probe's alignment and of two pages of the document list (the first,
 * and one from the middle), API_SECONDS of requests each, through a real server. The warm-ups
 * are a number of requests, all answered before the measurement starts, so none of them is
 * still being served during it.
 */
async function overHttp(server, sourceId) {
  const endpoints = {
    report: { route: `/api/alignments/${sourceId}/${probe.id}`, warmup: { amount: 500 }, measured: { duration: API_SECONDS } },
    list: { route: '/api/documents', warmup: { amount: 500 }, measured: { duration: API_SECONDS } },
    middle: { route: await middlePage(server), warmup: { amount: 500 }, measured: { duration: API_SECONDS } },
  };
  const answers = {};
  for (const [name, { route, warmup, measured }] of Object.entries(endpoints)) {
    const first = await fetch(server.url + route);
    if (first.status !== 200) throw new Error(`GET ${route} answered ${first.status}`);
    const size = (await first.arrayBuffer()).byteLength;
    await load(server.url + route, warmup);
    const result = await load(server.url + route, measured);
    answers[name] = { route, size, answered: result.requests.total, p99: result.latency.p99, rps: result.requests.average, failed: result.non2xx + result.errors + result.timeouts };
  }
  return answers;
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Starts `count` `verbatim worker` processes on `url`; resolves once each says it takes jobs. */
async function startWorkers(url, count) {
  const started = [];
  try {
    for (let i = 0; i < count; i++) {
      const child = spawn(process.execPath, [CLI, 'worker'], { env: { ...process.env, VERBATIM_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
      started.push(child);
    }
    await Promise.all(started.map((child) => new Promise((resolve, reject) => {
      let out = '';
      const said = (chunk) => {
        out += chunk;
        if (!out.includes('taking alignment jobs')) return;
        // Read on, so that what the worker says later never fills the pipe and stops it.
        child.stdout.off('data', said);
        child.stdout.resume();
        resolve();
      };
      child.stdout.on('data', said);
      child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before taking jobs`)));
    })));
    return started;
  } catch (error) {
    await Promise.all(started.map(stopProcess));
    throw error;
  }
}

/** Waits until no pair waits for a worker; answers when that was. Fails when the workers die or stall. */
async function drained(store, workers) {
  let last = Infinity;
  let moved = performance.now();
  for (;;) {
    const waiting = await store.pending();
    if (waiting === 0) return performance.now();
    if (waiting < last) [last, moved] = [waiting, performance.now()];
    if (workers.every((child) => child.exitCode !== null || child.signalCode !== null)) throw new Error(`the workers ended with ${waiting} pairs waiting`);
    if (performance.now() - moved > STALL_MS) throw new Error(`the workers made no progress for ${STALL_MS / 1000} s with ${waiting} pairs waiting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A copy of the database at `url` (nobody connected to it), for the next count of workers. */
async function copyDatabase(serverUrl, url, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const from = new URL(url).pathname.slice(1);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(from)}`);
  } finally {
    await client.end();
  }
  const copy = new URL(serverUrl);
  copy.pathname = `/${name}`;
  return copy.toString();
}

/** Whether this build has the team server's job queue (queued alignment, verbatim worker). */
async function hasJobs() {
  try {
    await import('@verbatim/store/jobs');
    return true;
  } catch {
    return false;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-postgres-'));
const children = new Set();
let postgres;
try {
  console.log(`${DOCUMENTS.toLocaleString('en-US')} generated documents (${megabytes.toFixed(1)} MB): ${sourceTexts.length.toLocaleString('en-US')} sources of ${SOURCE_WORDS.join('–')} words, ` +
    `${commentaryCount.toLocaleString('en-US')} commentaries quoting one each, added ${BATCH} at a time (BENCH_PG_DOCUMENTS=10000 for the issue's 10,000)`);
  console.log(`this machine: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} — ${os.cpus().length < 4 ? `more workers than its ${os.cpus().length} cores only share them, and the adds and PostgreSQL share them too` : 'workers, adds and PostgreSQL share its cores'}\n`);

  // SQLite: the single user's default.
  const dbPath = path.join(dir, 'bench.db');
  const sqlite = await openStore({ path: dbPath });
  const sqliteSeconds = await ingest(sqlite);
  progress(`SQLite: ${DOCUMENTS.toLocaleString('en-US')} documents in ${sqliteSeconds.toFixed(1)} s`);
  const sqliteAlignments = await alignmentCount(sqlite);
  const sqliteReads = await reads(sqlite);
  await sqlite.close();

  postgres = await startPostgres();
  const rows = [['SQLite (aligned in the add)', `${sqliteSeconds.toFixed(1)} s`, perSecond(DOCUMENTS, sqliteSeconds), '', sqliteAlignments]];
  const notes = [];
  const counts = [];
  /** The PostgreSQL database the reads and the server are measured on, once its alignments are made. */
  let readUrl;

  // Queued, where this build has the job queue: the adds, then each count of workers on its own
  // copy of what the adds made. Otherwise the alignment is made in the add, as on SQLite.
  if (await hasJobs()) {
    const queuedUrl = await createDatabase(postgres.url, 'bench_queued');
    const queued = await openStore({ databaseUrl: queuedUrl, align: 'queued' });
    const addSeconds = await ingest(queued);
    progress(`PostgreSQL queued: the adds in ${addSeconds.toFixed(1)} s`);
    const waiting = await queued.pending();
    await queued.close();
    rows.push(['PostgreSQL queued: the adds alone', `${addSeconds.toFixed(1)} s`, perSecond(DOCUMENTS, addSeconds), times(sqliteSeconds / addSeconds), `${waiting} waiting`]);
    const drains = [];
    const starts = [];
    for (const count of WORKERS) {
      const url = await copyDatabase(postgres.url, queuedUrl, `bench_workers_${count}`);
      readUrl ??= url;
      const store = await openStore({ databaseUrl: url, align: 'queued' });
      try {
        const start = performance.now();
        const workers = await startWorkers(url, count);
        for (const child of workers) children.add(child);
        starts.push(seconds(start));
        const end = await drained(store, workers);
        await Promise.all(workers.map(stopProcess));
        const made = await alignmentCount(store);
        counts.push(made);
        const drain = (end - start) / 1000;
        drains.push(drain);
        progress(`PostgreSQL queued: ${count} worker${count > 1 ? 's' : ''} drained the queue in ${drain.toFixed(1)} s`);
        const total = addSeconds + drain;
        rows.push([
          `PostgreSQL queued, ${count} worker${count > 1 ? 's' : ''}: adds + drain`,
          `${addSeconds.toFixed(1)} + ${drain.toFixed(1)} s`,
          perSecond(DOCUMENTS, total),
          times(sqliteSeconds / total),
          made,
        ]);
      } finally {
        await store.close();
      }
    }
    notes.push(`  draining: ${WORKERS.map((c, i) => `${c} worker${c > 1 ? 's' : ''} ${drains[i].toFixed(1)} s`).join(', ')} (from starting the workers until no pair waits; all of them were taking jobs after ${starts.map((t) => `${t.toFixed(1)} s`).join(', ')})`);
    notes.push(`  speed-up over 1 worker: ${WORKERS.slice(1).map((c, i) => `${c} workers ${times(drains[0] / drains[i + 1])}`).join(', ')} — on ${os.cpus().length} cores shared with PostgreSQL`);
  } else {
    readUrl = await createDatabase(postgres.url, 'bench_inline');
    const inline = await openStore({ databaseUrl: readUrl });
    const inlineSeconds = await ingest(inline);
    progress(`PostgreSQL: ${DOCUMENTS.toLocaleString('en-US')} documents in ${inlineSeconds.toFixed(1)} s`);
    const made = await alignmentCount(inline);
    counts.push(made);
    await inline.close();
    rows.push(['PostgreSQL, aligned in the add', `${inlineSeconds.toFixed(1)} s`, perSecond(DOCUMENTS, inlineSeconds), times(sqliteSeconds / inlineSeconds), made]);
    notes.push('  PostgreSQL with 1, 2 and 4 workers: not measured — this build has no job queue (queued alignment, verbatim worker).');
  }
  const pgStore = await openStore({ databaseUrl: readUrl });
  const pgReads = await reads(pgStore);
  await pgStore.close();

  printTable(['ingestion', 'time', 'documents/s', 'PostgreSQL / SQLite', 'alignments'], rows);
  for (const line of notes) console.log(line);

  console.log(`\n${probe.id}, in process, ${READ_RUNS} runs after ${READ_WARMUPS} warm-ups\n`);
  const readRow = (name, s, p) => [name, ms(s.median), ms(p.median), times(p.median / s.median), ms(s.p99), ms(p.p99), times(p.p99 / s.p99)];
  printTable(
    ['read', 'SQLite median', 'PostgreSQL median', 'ratio', 'SQLite p99', 'PostgreSQL p99', 'ratio'],
    [
      readRow(`candidate sources among ${sourceTexts.length.toLocaleString('en-US')}`, sqliteReads.candidates, pgReads.candidates),
      readRow(`its alignment with ${sqliteReads.sourceId}`, sqliteReads.alignment, pgReads.alignment),
    ],
  );

  const sqliteServer = await startServer(dbPath);
  children.add(sqliteServer.child);
  const sqliteHttp = await overHttp(sqliteServer, sqliteReads.sourceId);
  await stopProcess(sqliteServer.child);
  const pgServer = await startServer(path.join(dir, 'unused.db'), { VERBATIM_DATABASE_URL: readUrl, VERBATIM_WORKER: 'off' });
  children.add(pgServer.child);
  const pgHttp = await overHttp(pgServer, pgReads.sourceId);
  await stopProcess(pgServer.child);

  console.log(`\nThe real server on each, ${CONNECTIONS} connections, each route for ${API_SECONDS} s (BENCH_PG_API_SECONDS) after 500 requests unmeasured: ` +
    'the report, the first page of the document list (100 documents), and a page from the middle of the corpus\n');
  // autocannon's p99 of no answers is 0 ms: say there were none instead.
  const p99 = (a) => (a.answered > 0 ? `${a.p99} ms` : 'no answer');
  const httpRow = (name) => {
    const s = sqliteHttp[name];
    const p = pgHttp[name];
    const route = s.route.replace(/cursor=[^&]+/, 'cursor=…');
    return [`GET ${route} (${(s.size / 1024).toFixed(0)} KB)`, p99(s), p99(p), s.answered > 0 && p.answered > 0 ? times(p.p99 / Math.max(s.p99, 1)) : '—',
      `${s.answered} / ${p.answered}`, s.failed + p.failed];
  };
  printTable(['endpoint', 'SQLite p99', 'PostgreSQL p99', 'ratio', 'answers (SQLite / PostgreSQL)', 'failed'], [httpRow('report'), httpRow('list'), httpRow('middle')]);

  const lost = counts.filter((n) => n !== sqliteAlignments);
  if (lost.length > 0 || [...Object.values(sqliteHttp), ...Object.values(pgHttp)].some((a) => a.failed > 0 || a.answered === 0)) {
    console.log('\n  NOT clean: the engines hold different numbers of alignments, or requests failed (see above).');
    process.exitCode = 1;
  }
  console.log(`\n  load when done: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  for (const child of children) await stopProcess(child).catch(() => undefined);
  await postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
