// Reads while a large document is added, on the built packages (run by scripts/bench.js): the
// real server (apps/server/dist/main.js, a process of its own) on a free loopback port with a
// temporary database loaded from corpus/. Autocannon GETs the seed pair's report with 10
// connections, first for 5 s alone (the baseline), then for as long as a POST of a 5 MB
// commentary quoting the joint statement takes to be aligned and stored. The add runs in the
// store's writer thread, so the server's own thread keeps answering; before, it aligned on the
// request thread and every read waited for it.
// Target: p99 of the reads during the add under 50 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { printTable, seededRandom, startServer } from './lib.js';

const CONNECTIONS = 10;
const BASELINE_S = 5;
const P99_TARGET_MS = 50;
const TARGET_BYTES = 5 * 1024 * 1024 - 64 * 1024;
const STATEMENT = 'joint-statement-2022-02-04';
const REPORT = `/api/alignments/${STATEMENT}/op-ed-expanding-sino-russian-cooperation`;

/** Reads for `seconds`, or until `until` settles when given. */
function reads(url, { seconds, until }) {
  return new Promise((resolve, reject) => {
    const run = autocannon({ url, connections: CONNECTIONS, duration: seconds }, (error, result) => (error ? reject(error) : resolve(result)));
    until?.finally(() => run.stop());
  });
}

/** About 5 MB of commentary: sentences of the statement in quotation marks between words of our own. */
function longCommentary(statement) {
  const random = seededRandom(11);
  const sentences = statement.split(/(?<=[.;])\s+/).filter((s) => s.split(' ').length >= 8);
  const parts = ['A long reading of the joint statement'];
  let size = parts[0].length;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const quoted = sentences[Math.floor(random() * sentences.length)].replace(/[“”"]/g, '');
    const part = `Remark ${i}: the sides wrote that “${quoted}” Commentators number ${i} weighed this at length.`;
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-writes-'));
const { url, child } = await startServer(path.join(dir, 'verbatim.db'));
try {
  const statement = (await (await fetch(`${url}/api/documents/${STATEMENT}`)).json()).text;
  const text = longCommentary(statement);
  await reads(url + REPORT, { seconds: 2 }); // warm-up: the JIT and the report cache
  const alone = await reads(url + REPORT, { seconds: BASELINE_S });

  const started = performance.now();
  const adding = fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ text, format: 'text', kind: 'commentary', title: 'A long reading' }),
  }).then(async (res) => ({ status: res.status, body: await res.json(), seconds: (performance.now() - started) / 1000 }));
  const during = await reads(url + REPORT, { seconds: 600, until: adding });
  const added = await adding;
  if (added.status !== 201) throw new Error(`the add answered ${added.status}: ${JSON.stringify(added.body)}`);
  const passages = added.body.aligned.reduce((sum, a) => sum + a.passages, 0);

  console.log(`server: ${url} (Node ${process.version}); ${CONNECTIONS} connections reading GET ${REPORT}`);
  console.log(`added: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB commentary in ${added.seconds.toFixed(1)} s, ${passages} passages linked to the statement\n`);
  const row = (name, r) => [name, r.requests.total.toLocaleString('en'), Math.round(r.requests.average).toLocaleString('en'), `${r.latency.p50} ms`, `${r.latency.p99} ms`, `${r.latency.max} ms`, r.non2xx + r.errors + r.timeouts];
  printTable(['reads', 'requests', 'requests/s', 'p50', 'p99', 'max', 'failed'], [row(`alone, ${BASELINE_S} s`, alone), row(`during the add, ${during.duration} s`, during)]);
  console.log(`\n  ratio during/alone: p99 ${(during.latency.p99 / Math.max(alone.latency.p99, 1)).toFixed(2)}×, requests/s ${(during.requests.average / alone.requests.average).toFixed(2)}×`);
  const met = during.latency.p99 < P99_TARGET_MS;
  console.log(`  target: p99 of reads during the add under ${P99_TARGET_MS} ms: ${met ? 'met' : 'MISSED'} (${during.latency.p99} ms)`);
  if (!met || during.non2xx + during.errors + during.timeouts > 0) process.exitCode = 1;
} finally {
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  fs.rmSync(dir, { recursive: true, force: true });
}
