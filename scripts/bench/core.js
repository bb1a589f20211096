// Benchmark of the alignment engine on the seed pair (the joint statement and the op-ed):
// its speed against jsdiff's diffWords on the same two texts, its memory, and how its
// cost grows with the length of the source. Run by scripts/bench.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { align } from '@verbatim/core';
import { kb, maxRss, mb, measure, ms, printTable, seededRandom } from './lib.js';

const SOURCE_FILE = 'corpus/joint-statement-2022-02-04.en.txt';
const COMMENTARY_FILE = 'corpus/op-ed-expanding-sino-russian-cooperation.txt';
const SPEEDUP_TARGET = 100;
/** Per-KB cost may rise this much at 30× before growth counts as worse than linear (noise, GC). */
const GROWTH_TOLERANCE = 1.5;
/** Source lengths to time, as multiples of the statement: runs and warm-ups shrink as they grow. */
const SCALES = [
  { copies: 1, runs: 15, warmups: 3 },
  { copies: 10, runs: 7, warmups: 1 },
  { copies: 30, runs: 5, warmups: 1 },
];
/** diffWords takes about a second on the two whole texts: a few runs, no warm-up. */
const DIFF_RUNS = 3;

const repoFile = (path) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const bytes = (text) => Buffer.byteLength(text, 'utf8');

const statement = repoFile(SOURCE_FILE);
const opEd = repoFile(COMMENTARY_FILE);
console.log(`Seed pair: source ${SOURCE_FILE} (${kb(bytes(statement))}), commentary ${COMMENTARY_FILE} (${kb(bytes(opEd))})\n`);

const alignFailure = tryAlign(statement, opEd);
const rows = [];
const scaled = [];
if (alignFailure) {
  console.log(`align failed, so it is not timed: ${alignFailure.message}\n`);
} else {
  for (const { copies, runs, warmups } of SCALES) {
    const source = copies === 1 ? statement : scaledSource(statement, copies);
    const result = measure(() => align(source, opEd), { runs, warmups });
    const perKb = result.median / (bytes(source) / 1024);
    scaled.push({ copies, source, result, perKb });
  }
}
const rssAfterAlign = maxRss();

const diffWords = await loadDiffWords();
const diff = measure(() => diffWords(statement, opEd), { runs: DIFF_RUNS });
const rssAfterDiff = maxRss();

const base = scaled[0];
for (const { copies, source, result, perKb } of scaled) {
  rows.push([
    `align ${copies}×`,
    kb(bytes(source)),
    `${result.runs} (+${result.warmups} warm-up)`,
    ms(result.median),
    ms(result.min),
    ms(result.max),
    `${(perKb * 1000).toFixed(1)} µs`,
    `${(perKb / base.perKb).toFixed(2)}×`,
  ]);
}
rows.push([
  'diffWords, whole texts',
  kb(bytes(statement)),
  `${diff.runs} (no warm-up)`,
  ms(diff.median),
  ms(diff.min),
  ms(diff.max),
  `${((diff.median / (bytes(statement) / 1024)) * 1000).toFixed(1)} µs`,
  '',
]);
printTable(['case', 'source', 'runs', 'median', 'min', 'max', 'per source KB', 'per KB vs 1×'], rows);

console.log('\nMemory (heap and RSS sampled after each run; peak RSS is the kernel\'s high-water mark)');
printTable(
  ['case', 'heap high-water', 'RSS high-water'],
  [
    ...scaled.map(({ copies, result }) => [`align ${copies}×`, mb(result.heapPeak), mb(result.rssPeak)]),
    ['diffWords, whole texts', mb(diff.heapPeak), mb(diff.rssPeak)],
  ],
);
console.log(`  peak RSS of the process: ${mb(rssAfterAlign)} after the align runs, ${mb(rssAfterDiff)} after diffWords`);

console.log('\nTargets');
if (alignFailure) {
  console.log(`  ≥${SPEEDUP_TARGET}× faster than diffWords: not measured (align failed)`);
  console.log('  growth no worse than linear: not measured (align failed)');
  process.exitCode = 1;
} else {
  const speedup = diff.median / base.result.median;
  const largest = scaled[scaled.length - 1];
  const growth = largest.perKb / base.perKb;
  console.log(
    `  ≥${SPEEDUP_TARGET}× faster than diffWords: diffWords/align = ${speedup.toFixed(0)}× — ${speedup >= SPEEDUP_TARGET ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  growth no worse than linear: per-KB time at ${largest.copies}× is ${growth.toFixed(2)}× the 1× case ` +
      `(linear ≈ 1, tolerance ${GROWTH_TOLERANCE}×) — ${growth <= GROWTH_TOLERANCE ? 'met' : 'NOT met'}`,
  );
}

/** Runs align once; returns its error, or undefined when it works. */
function tryAlign(source, commentary) {
  try {
    const report = align(source, commentary);
    console.log(`align finds ${report.passages.length} passages in the seed pair.\n`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * A source `copies` times the statement's length: the title, then its paragraphs again and
 * again, every copy after the first with three words per paragraph substituted, so the
 * copies are near-duplicates (the hard case for an aligner), not identical. Seeded: the
 * same text on every run and machine.
 */
function scaledSource(text, copies, seed = 20220204) {
  const substitutes = ['regional', 'mutual', 'strategic', 'common', 'global', 'bilateral', 'practical', 'lasting', 'broad', 'joint'];
  const random = seededRandom(seed + copies);
  const [title, ...body] = text.trimEnd().split(/\n\n/);
  const out = [title];
  for (let copy = 0; copy < copies; copy++) {
    for (const paragraph of body) {
      const words = paragraph.split(' ');
      // Section numerals and short lines stay as they are.
      if (copy > 0 && words.length >= 8) {
        for (let i = 0; i < 3; i++) words[Math.floor(random() * words.length)] = substitutes[Math.floor(random() * substitutes.length)];
      }
      out.push(words.join(' '));
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** jsdiff is a dependency of @verbatim/core: import it from the root, else from core's folder. */
async function loadDiffWords() {
  try {
    return (await import('diff')).diffWords;
  } catch {
    const fromCore = createRequire(new URL('../../packages/core/package.json', import.meta.url));
    return (await import(pathToFileURL(fromCore.resolve('diff')).href)).diffWords;
  }
}
