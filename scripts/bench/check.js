// Benchmark of checking a quotation against the whole corpus (store.check, POST /api/check),
// run on the built packages by scripts/bench.js:
// - a corpus of generated sources (the joint statement's paragraphs shuffled, each copy with
//   a few words substituted, mixed with unrelated prose in the statement's vocabulary), plus
//   the statement itself, loaded with the bulk loader (store.addBatch, batches of 1,000, the
//   next given while the last is written, as verbatim add does): its throughput is the
//   bulk-loading figure (target: 5 MB/s);
// - a 200-word text with three quotations of the statement (one verbatim short phrase, one
//   with a word added, one verbatim sentence) checked 200 times after warm-ups: p50 and p99
//   in process, and how the time splits between candidate search and alignment;
// - the same through HTTP (the real server, sequential requests on one connection), with the
//   server's peak memory (VmHWM).
// Targets: at 10,000 sources p99 < 50 ms in process and < 100 ms through HTTP; at 100,000
// sources p99 < 200 ms. BENCH_CHECK_SOURCES=10000 runs the first size only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@verbatim/store';
import { median, ms, printTable, seededRandom, startServer } from './lib.js';

const SIZES = (process.env.BENCH_CHECK_SOURCES ?? '10000,100000').split(',').map(Number);
const TARGETS = { 10000: { process: 50, http: 100 }, 100000: { process: 200, http: null } };
const RUNS = 200;
const WARMUPS = 20;
const BATCH = 1000;
const STATEMENT_ID = 'joint-statement-2022-02-04';

const statement = fs.readFileSync(fileURLToPath(new URL('../../corpus/joint-statement-2022-02-04.en.txt', import.meta.url)), 'utf8');
const PARAGRAPHS = statement.split(/\n\s*\n/).filter((p) => p.split(/\s+/).length >= 12);
const WORDS = statement.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, '')).filter(Boolean);

/** Two to five paragraphs: half the statement's (shuffled, up to three words substituted), half prose in its words. Seeded. */
function generatedSource(seed) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = [`Generated source ${seed}`];
  const count = 2 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    if (random() < 0.5) {
      const words = pick(PARAGRAPHS).split(' ');
      for (let k = Math.floor(random() * 4); k > 0; k--) words[Math.floor(random() * words.length)] = pick(WORDS);
      paragraphs.push(words.join(' '));
    } else {
      paragraphs.push(`${Array.from({ length: 40 + Math.floor(random() * 80) }, () => pick(WORDS)).join(' ')}.`);
    }
  }
  return paragraphs.join('\n\n');
}

/** About 200 words of commentary with three quotations of the statement. */
const TEXT = [
  'When the two presidents met in Beijing on the eve of the Winter Olympics, their joint statement was read in every foreign ministry.',
  "Russia and China said their friendship has 'no limits', a phrase that travelled fast, and that they 'oppose any further enlargement of NATO'.",
  'Less noticed was a sentence on sovereignty: the sides said they "oppose interference by external forces in their internal affairs".',
  'Analysts in Washington, Brussels and Tokyo read the document as a statement of intent rather than a treaty. It creates no alliance and',
  'binds neither government to act, yet its language was chosen with care, and the weeks that followed gave it a weight that its authors',
  'may not have expected. Commentators compared it with earlier declarations, noted what it left out, and asked what a partnership with',
  'no forbidden areas would mean for trade, for energy, for technology and for the countries that lie between the two powers. Others',
  'pointed out that much of the text repeats positions both governments had held for years, and that its novelty lies in its tone.',
  'Whether the partnership holds will depend less on the words of February than on what each side is prepared to pay for it later.',
].join(' ');

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Loads n sources in batches as `verbatim add --jsonl` does: each batch given to the store
 * before the last one has answered, so that it is prepared while the last is written. The
 * texts are generated first and the load alone is timed, in wall and CPU time (of every
 * thread): on a machine shared with other work, the CPU time says more of the loader.
 */
async function load(store, n) {
  let bytes = Buffer.byteLength(statement);
  const batches = [[{ text: statement, format: 'text', kind: 'source', id: STATEMENT_ID, date: '2022-02-04' }]];
  for (let from = 1; from < n; from += BATCH) {
    const batch = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) {
      const text = generatedSource(i);
      bytes += Buffer.byteLength(text);
      batch.push({ text, format: 'text', kind: 'source', id: `generated-${i}` });
    }
    batches.push(batch);
  }
  const started = performance.now();
  const used = process.cpuUsage();
  let writing;
  for (const batch of batches) {
    const answered = store.addBatch(batch);
    await writing;
    writing = answered;
  }
  await writing;
  const { user, system } = process.cpuUsage(used);
  return { bytes, seconds: (performance.now() - started) / 1000, cpu: (user + system) / 1e6 };
}

async function overHttp(dbPath) {
  process.env.VERBATIM_CHECK_LIMIT = 'off';
  const { url, child } = await startServer(dbPath);
  try {
    const one = async () => {
      const t = performance.now();
      const res = await fetch(`${url}/api/check`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: TEXT }) });
      await res.json();
      if (!res.ok) throw new Error(`POST /api/check answered ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < WARMUPS; i++) await one();
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await one());
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    return { times, hwm };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const rows = [];
const verdicts = [];
let failed = false;
for (const n of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-check-'));
  try {
    const dbPath = path.join(dir, 'bench.db');
    const store = await openStore({ path: dbPath });
    const loaded = await load(store, n);
    for (let i = 0; i < WARMUPS; i++) await store.check(TEXT);
    globalThis.gc?.();
    const times = [];
    const candidates = [];
    const alignment = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await store.check(TEXT);
      times.push(performance.now() - t);
      candidates.push(last.timing.candidates);
      alignment.push(last.timing.alignment);
    }
    await store.close();
    const http = await overHttp(dbPath);
    const mb = loaded.bytes / 1e6;
    rows.push([
      n.toLocaleString('en-US'),
      `${mb.toFixed(0)} MB in ${loaded.seconds.toFixed(1)} s (${(mb / loaded.seconds).toFixed(2)} MB/s; ${(mb / loaded.cpu).toFixed(2)} MB per CPU-second)`,
      ms(median(times)),
      ms(percentile(times, 99)),
      `${ms(median(candidates))} / ${ms(median(alignment))}`,
      last.sourcesAligned,
      ms(percentile(http.times, 99)),
      `${(http.hwm / 1024 / 1024).toFixed(0)} MB`,
    ]);
    verdicts.push(`  ${n.toLocaleString('en-US')} sources: ${last.passages.map((p) => `${p.status} ${p.source?.locator ?? ''} (${p.document?.id ?? 'nowhere'})`).join(', ')}`);
    const target = TARGETS[n];
    if (target) {
      const p99 = percentile(times, 99);
      const httpP99 = percentile(http.times, 99);
      verdicts.push(`    in process p99 ${ms(p99)} under ${target.process} ms: ${p99 < target.process ? 'met' : 'NOT met'}`);
      if (target.http) verdicts.push(`    through HTTP p99 ${ms(httpP99)} under ${target.http} ms: ${httpP99 < target.http ? 'met' : 'NOT met'}`);
      verdicts.push(
        `    bulk loading ${(mb / loaded.seconds).toFixed(2)} MB/s (${(mb / loaded.cpu).toFixed(2)} MB per CPU-second, load average ${os.loadavg()[0].toFixed(1)}), target 5 MB/s: ${mb / loaded.seconds >= 5 ? 'met' : 'NOT met'}`,
      );
      if (p99 >= target.process || (target.http && httpP99 >= target.http)) failed = true;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Each size as soon as it is done: the largest takes a while to load.
  console.log(`  ${rows.at(-1)?.join(' · ') ?? ''}`);
}

console.log(`\nA ${TEXT.split(/\s+/).length}-word text with three quotations of the statement, checked ${RUNS} times after ${WARMUPS} warm-ups\n`);
printTable(['sources', 'bulk load', 'p50', 'p99', 'candidates / align (median)', 'aligned', 'HTTP p99', 'server peak RSS'], rows);
console.log('\nVerdicts and targets');
for (const line of verdicts) console.log(line);
if (failed) process.exitCode = 1;
