// Benchmark of the corpus store (@verbatim/store), run on the built packages by
// scripts/bench.js:
// - ingestion throughput for a generated corpus of 1,000 documents (the joint statement
//   and 999 generated sources), each add one transaction with its paragraphs, full-text
//   index and shingles; then generated commentaries quoting them, each aligned on add;
// - the time to find the candidate sources of one commentary (the op-ed) among those
//   1,000 sources, as a ratio to aligning it against its one known source (target < 10×).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { align } from '@verbatim/core';
import { openStore } from '@verbatim/store';
import { generatedCommentary, generatedSource, statement, STATEMENT_ID } from './corpus.js';
import { measure, measureAsync, ms, printTable } from './lib.js';

const SOURCES = 1000;
const COMMENTARIES = 50;
const RATIO_TARGET = 10;
const repoFile = (file) => fs.readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');
const opEd = repoFile('corpus/op-ed-expanding-sino-russian-cooperation.txt');
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const megabytes = (n) => n / 1e6;

/** Adds the texts one by one; returns the time taken and what was stored. */
async function ingest(store, texts, kind, idOf) {
  const start = performance.now();
  let alignments = 0;
  for (const [i, text] of texts.entries()) {
    const added = await store.add({ text, format: 'text', kind, ...(idOf ? { id: idOf(i) } : {}) });
    alignments += (await store.alignmentsOf(added.id)).length;
  }
  const seconds = (performance.now() - start) / 1000;
  const size = texts.reduce((sum, t) => sum + bytes(t), 0);
  return { seconds, size, alignments, count: texts.length };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-store-'));
try {
  const store = await openStore({ path: path.join(dir, 'bench.db') });
  const generated = Array.from({ length: SOURCES - 1 }, (_, i) => generatedSource(i + 1));
  const sources = await ingest(store, [statement, ...generated], 'source', (i) => (i === 0 ? STATEMENT_ID : `generated-${i}`));
  const commentaries = await ingest(
    store,
    Array.from({ length: COMMENTARIES }, (_, i) => generatedCommentary(10_000 + i, generated)),
    'commentary',
  );

  console.log(`Generated corpus: the joint statement and ${SOURCES - 1} generated sources, then ${COMMENTARIES} generated commentaries quoting them\n`);
  printTable(
    ['ingestion', 'documents', 'size', 'time', 'throughput', 'per document', 'alignments stored'],
    [
      ['sources (store, index)', sources.count, `${megabytes(sources.size).toFixed(1)} MB`, `${sources.seconds.toFixed(1)} s`, `${(megabytes(sources.size) / sources.seconds).toFixed(2)} MB/s`, ms((sources.seconds * 1000) / sources.count), sources.alignments],
      ['commentaries (store, index, align)', commentaries.count, `${(commentaries.size / 1024).toFixed(1)} KB`, `${commentaries.seconds.toFixed(1)} s`, `${(megabytes(commentaries.size) / commentaries.seconds).toFixed(2)} MB/s`, ms((commentaries.seconds * 1000) / commentaries.count), commentaries.alignments],
    ],
  );

  let candidates = [];
  const find = await measureAsync(async () => (candidates = await store.candidates(opEd, { kind: 'source' })), { runs: 15, warmups: 2 });
  const one = measure(() => align(statement, opEd), { runs: 15, warmups: 2 });
  console.log('');
  printTable(
    ['the op-ed (7.3 KB)', 'runs', 'median', 'min', 'max'],
    [
      [`candidate sources among ${SOURCES}`, find.runs, ms(find.median), ms(find.min), ms(find.max)],
      ['align against its one known source', one.runs, ms(one.median), ms(one.min), ms(one.max)],
    ],
  );
  console.log(`  candidates found: ${candidates.map((c) => `${c.id} (${c.shared} shared word 4-grams)`).join(', ') || 'none'}`);
  await store.close();

  const ratio = find.median / one.median;
  const right = candidates.length === 1 && candidates[0].id === STATEMENT_ID;
  console.log('\nTargets');
  console.log(`  candidate search under ${RATIO_TARGET}× one alignment: ${ratio.toFixed(2)}× — ${ratio < RATIO_TARGET ? 'met' : 'NOT met'}`);
  console.log(`  the op-ed's one candidate is the statement: ${right ? 'met' : 'NOT met'}`);
  if (ratio >= RATIO_TARGET || !right) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
