#!/usr/bin/env node
// Soak test (not part of `npm test`): the real server on a free loopback port with a
// temporary database, 50 connections for 60 s (SOAK_SECONDS to change) of mixed traffic —
// (SOAK_WRITE_EVERY=0 for reads only) —
// the seed pair's report, the document list, search, a citation, and new commentaries
// posted (one in ten requests). Prints requests, errors by status, latency percentiles, and
// the server's resident memory at the start and the end. Targets: zero 5xx, RSS growth
// under 20%. Traffic goes to 127.0.0.1 only, and stops by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './bench/lib.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
// One request in WRITE_EVERY is a POST (0: reads only, to tell a leak from a growing corpus).
const WRITE_EVERY = Number(process.env.SOAK_WRITE_EVERY ?? 10);
const CONNECTIONS = 50;
const REPORT = '/api/alignments/joint-statement-2022-02-04/op-ed-expanding-sino-russian-cooperation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-soak-'));
const { url, child } = await startServer(path.join(dir, 'v.db'));

/** Resident memory of the server process, from /proc. */
const rssMb = () => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

try {
  const report = await (await fetch(url + REPORT)).json();
  const passage = report.passages[0].id;
  // Warm up, so the start figure is the server at work, not the server idle.
  await new Promise((resolve) => autocannon({ url: url + REPORT, connections: 10, duration: 3 }, resolve));
  const rssStart = rssMb();
  let n = 0;
  const statuses = {};
  const reads = [REPORT, '/api/documents', '/api/search?q=%22no%20limits%22', `/api/passages/${passage}/citation?format=annotation`, '/api/health'];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            setupRequest: (request) => {
              n += 1;
              if (WRITE_EVERY > 0 && n % WRITE_EVERY === 0) {
                return {
                  ...request,
                  method: 'POST',
                  path: '/api/documents',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    text: `Soak note ${n}: “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance”, said note ${n}.`,
                    format: 'text',
                    kind: 'commentary',
                    title: `Soak note ${n}`,
                  }),
                };
              }
              return { ...request, method: 'GET', path: reads[n % reads.length] };
            },
            onResponse: (status) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    process.once('SIGINT', () => instance.stop());
  });
  const rssEnd = rssMb();
  const fiveHundreds = Object.entries(statuses).filter(([s]) => s.startsWith('5')).reduce((a, [, c]) => a + c, 0);
  const growth = (rssEnd / rssStart - 1) * 100;
  console.log(`Soak: ${SECONDS} s, ${CONNECTIONS} connections, ${WRITE_EVERY > 0 ? `mixed reads and writes (1 in ${WRITE_EVERY} a POST)` : 'reads only'} on ${url}`);
  console.log(`  requests      ${result.requests.total} (${Math.round(result.requests.average)}/s), timeouts ${result.timeouts}, errors ${result.errors}`);
  console.log(`  by status     ${Object.entries(statuses).map(([s, c]) => `${s}: ${c}`).join(', ')}`);
  console.log(`  latency       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  server RSS    ${rssStart.toFixed(1)} MB at the start, ${rssEnd.toFixed(1)} MB at the end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`);
  console.log(`  targets       zero 5xx: ${fiveHundreds === 0 ? 'met' : `NOT met (${fiveHundreds})`}; RSS growth under 20%: ${growth < 20 ? 'met' : 'NOT met'}`);
  process.exitCode = fiveHundreds === 0 && growth < 20 ? 0 : 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dir, { recursive: true, force: true });
}
