// Benchmark of the HTTP API (@verbatim/api), run on the built packages by scripts/bench.js:
// the real server (apps/server/dist/main.js, a process of its own) on a free loopback port
// with a temporary database loaded from corpus/, then autocannon from this process, 50
// connections for 10 s each (after 3 s of the same, unmeasured, to warm up), against
// - GET /api/alignments/<statement>/<op-ed>: the seed pair's report (about 17 KB of JSON);
// - GET /api/health: the same stack answering without touching the database, the baseline.
// Target: p99 latency of the report under 20 ms. The ratio says what the report costs over
// the bare HTTP and routing cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { printTable, startServer } from './lib.js';

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 3;
const P99_TARGET_MS = 20;
const REPORT = '/api/alignments/joint-statement-2022-02-04/op-ed-expanding-sino-russian-cooperation';


function load(url, duration = DURATION_S) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-api-'));
const { url, child } = await startServer(path.join(dir, 'verbatim.db'));
try {
  const first = await fetch(url + REPORT);
  if (first.status !== 200) throw new Error(`GET ${REPORT} answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  // Warm-up, unmeasured, under the same load: the JIT, the heap's steady size, SQLite's page
  // cache and the API's report cache. The measurements are of the steady state.
  await load(url + REPORT, WARMUP_S);
  await load(url + '/api/health', WARMUP_S);

  console.log(`server: ${url} (Node ${process.version}); ${CONNECTIONS} connections, ${DURATION_S} s per endpoint; report ${(bytes / 1024).toFixed(1)} KB\n`);
  const report = await load(url + REPORT);
  const health = await load(url + '/api/health');

  const row = (name, r) => [name, Math.round(r.requests.average).toLocaleString('en'), `${r.latency.p50} ms`, `${r.latency.p99} ms`, r.non2xx + r.errors + r.timeouts];
  printTable(['endpoint', 'requests/s', 'p50', 'p99', 'failed'], [row(`GET ${REPORT}`, report), row('GET /api/health', health)]);
  console.log(`\n  ratio health/report: ${(health.requests.average / report.requests.average).toFixed(2)}× the requests/s, ` +
    `report p99 ${(report.latency.p99 / Math.max(health.latency.p99, 1)).toFixed(2)}× health's`);
  const met = report.latency.p99 < P99_TARGET_MS;
  console.log(`  target: report p99 under ${P99_TARGET_MS} ms: ${met ? 'met' : 'MISSED'} (${report.latency.p99} ms)`);
  if (!met || report.non2xx + report.errors + report.timeouts + health.non2xx + health.errors + health.timeouts > 0) process.exitCode = 1;
} finally {
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  fs.rmSync(dir, { recursive: true, force: true });
}
