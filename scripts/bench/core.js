// Benchmark of the alignment engine. In one run, on the same machine:
// - the seed pair (the joint statement and the op-ed) aligned by this engine and by the engine
//   as it was at BASELINE (extracted from git and compiled with the repository's tsc), by SIM
//   (Dick Grune's similarity tester, `sim_text -r 8`, run as a process), and by jsdiff's
//   diffWords on the two whole texts;
// - 1 MB of commentary against the statement and against 1 MB of source, by both engines;
// - how the cost grows with each side, at 10×, 30× and 100× its length;
// - memory. Run by scripts/bench.js.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { align, wordnetLexicon } from '@verbatim/core';
import { kb, maxRss, mb, measure, median, ms, printTable, seededRandom } from './lib.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_FILE = 'corpus/joint-statement-2022-02-04.en.txt';
const COMMENTARY_FILE = 'corpus/op-ed-expanding-sino-russian-cooperation.txt';
/** "Today" for issue 10's speed targets: the engine when the issue was written (ENGINE_VERSION 0.1.0). */
const BASELINE = '8341b7d';

const TARGETS = {
  /** The seed pair at least this many times faster than at BASELINE. */
  speedup: 5,
  /** Faster than SIM run as a process on the same pair. */
  sim: 1,
  /** diffWords on the two whole texts, over align on the seed pair. */
  diffWords: 100,
  /** A 1 MB commentary against the statement, and 1 MB against 1 MB, in milliseconds. */
  megabyteCommentary: 300,
  megabyteBoth: 1000,
  /** The paraphrase layer on a commentary without paraphrases: at most this much slower with its lexicon than without. */
  paraphraseCost: 1.05,
  /** Per-KB cost at the largest scale within this much of the 1× case: growth no worse than linear (noise, GC). */
  growth: 1.5,
};
const SEED_RUNS = { runs: 25, warmups: 3 };
const SIM_RUNS = 15;
/** diffWords takes about a second on the two whole texts: a few runs, no warm-up. */
const DIFF_RUNS = 3;
const BIG_RUNS = { runs: 3, warmups: 1 };
const SCALES = [10, 30, 100];
/** Copies of the op-ed that make a commentary of about 1 MB, and of the statement a source of about 1 MB. */
const MEGABYTE_OP_EDS = 140;
const MEGABYTE_STATEMENTS = 30;

const repoFile = (path) => readFileSync(join(ROOT, path), 'utf8');
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const statement = repoFile(SOURCE_FILE);
const opEd = repoFile(COMMENTARY_FILE);
console.log(`Seed pair: source ${SOURCE_FILE} (${kb(bytes(statement))}), commentary ${COMMENTARY_FILE} (${kb(bytes(opEd))})`);

const failure = tryAlign(statement, opEd);
if (failure) {
  console.log(`\nalign failed, so it is not timed: ${failure.message}`);
  process.exit(1);
}
const baseline = await loadBaseline();
console.log(baseline.align ? `Today's engine: commit ${BASELINE}, extracted from git and compiled into a temporary folder.` : `Today's engine is not measured: ${baseline.reason}`);

// --- The seed pair -------------------------------------------------------------------------
// align keeps the analysis of the last few sources (prepared-source.ts): checking commentary
// after commentary against one source, as the seed pair's runs do, prepares it once. The same
// pair with a source it has not seen before (the statement with trailing spaces, one more each
// run: the same words, another text) shows what the first alignment against a source costs.
const seed = compare(() => align(statement, opEd), baseline.align && (() => baseline.align(statement, opEd)), SEED_RUNS);
const seedUnseen = compare(() => align(unseen(statement), opEd), baseline.align && (() => baseline.align(unseen(statement), opEd)), SEED_RUNS);
// The same, as `verbatim align`, `verbatim add` and the server call it (the store's
// align-documents.ts): both texts hashed by node:crypto and handed to align, which otherwise
// hashes them in JavaScript (@noble/hashes, for hosts without a native hash).
const nativeSha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const seedUnseenHosted = compare(
  () => {
    const source = unseen(statement);
    return align(source, opEd, { sourceSha256: nativeSha256(source), commentarySha256: nativeSha256(opEd) });
  },
  baseline.align && (() => baseline.align(unseen(statement), opEd)),
  SEED_RUNS,
);
// The paraphrase layer, as the store runs it: with WordNet's lexicon to load if a quotation needs it.
const lexicon = wordnetLexicon(createRequire(join(ROOT, 'packages/core/package.json')));
const paraphrase = compare(() => align(statement, opEd, { lexicon }), () => align(statement, opEd), SEED_RUNS);
const sim = timeSim();
const diffWords = await loadDiffWords();
const diff = measure(() => diffWords(statement, opEd), { runs: DIFF_RUNS });

console.log('\nThe seed pair (medians of wall-clock time, and of the CPU time of the process; "today" and this engine timed in alternation)');
const seedRows = [row('align, this engine', seed.current, seed.current.median)];
seedRows.push(row('  the same, a source not seen before', seedUnseen.current, seed.current.median));
seedRows.push(row('  the same, hashed by node:crypto as the store does', seedUnseenHosted.current, seed.current.median));
seedRows.push(row('  the same, with the paraphrase lexicon', paraphrase.current, seed.current.median));
if (seed.baseline) seedRows.push(row(`align, today (${BASELINE})`, seed.baseline, seed.current.median));
if (seedUnseen.baseline) seedRows.push(row('  the same, a source not seen before', seedUnseen.baseline, seed.current.median));
if (sim.result) seedRows.push(row('SIM, sim_text -r 8 (a process)', sim.result, seed.current.median));
seedRows.push(row('jsdiff diffWords, whole texts', diff, seed.current.median));
printTable(['case', 'runs', 'median', 'min', 'max', 'CPU median', '× this engine'], seedRows);
if (!sim.result) console.log(`  SIM is not measured: ${sim.reason}`);

// --- A megabyte --------------------------------------------------------------------------------
const megabyteCommentary = scaledCommentary(opEd, MEGABYTE_OP_EDS);
const megabyteSource = scaledSource(statement, MEGABYTE_STATEMENTS);
const megabyte = [
  { name: '1 MB commentary × statement', source: statement, commentary: megabyteCommentary, target: TARGETS.megabyteCommentary },
  { name: '1 MB commentary × 1 MB source', source: megabyteSource, commentary: megabyteCommentary, target: TARGETS.megabyteBoth },
].map((c) => ({ ...c, ...compare(() => align(unseen(c.source), c.commentary), baseline.align && (() => baseline.align(c.source, c.commentary)), BIG_RUNS) }));
console.log(`\nA megabyte (commentary: the op-ed's paragraphs ${MEGABYTE_OP_EDS} times, source: the statement's ${MEGABYTE_STATEMENTS} times, three words per paragraph changed in each copy; a source this engine has not seen before in each run)`);
printTable(
  ['case', 'source', 'commentary', 'this engine', `today (${BASELINE})`, 'today / this', 'CPU: this', 'CPU: today'],
  megabyte.map((c) => [
    c.name,
    kb(bytes(c.source)),
    kb(bytes(c.commentary)),
    ms(c.current.median),
    c.baseline ? ms(c.baseline.median) : '—',
    c.baseline ? `${(c.baseline.median / c.current.median).toFixed(1)}×` : '',
    c.current.cpu === undefined ? '' : ms(c.current.cpu),
    c.baseline ? ms(c.baseline.cpu) : '',
  ]),
);

// --- Growth ----------------------------------------------------------------------------------------
const sourceGrowth = growth('source', (k) => ({ source: scaledSource(statement, k), commentary: opEd }), bytes(statement));
const commentaryGrowth = growth('commentary', (k) => ({ source: statement, commentary: scaledCommentary(opEd, k) }), bytes(opEd));
console.log('\nGrowth: one side k times longer, the other the seed pair\'s (median of 3 runs after a warm-up; per KB of the grown side; a source not seen before in each run)');
printTable(
  ['case', 'source', 'commentary', 'median', 'per KB', 'per KB vs 1×'],
  [...sourceGrowth.rows, ...commentaryGrowth.rows],
);

// --- Memory ------------------------------------------------------------------------------------
console.log('\nMemory (heap and RSS sampled after each run; peak RSS is the kernel\'s high-water mark)');
printTable(
  ['case', 'heap high-water', 'RSS high-water'],
  [
    ['align, seed pair', mb(seed.current.heapPeak), mb(seed.current.rssPeak)],
    ...megabyte.map((c) => [`align, ${c.name}`, mb(c.current.heapPeak), mb(c.current.rssPeak)]),
    ['diffWords, whole texts', mb(diff.heapPeak), mb(diff.rssPeak)],
  ],
);
console.log(`  peak RSS of the process: ${mb(maxRss())}`);

// --- Targets -----------------------------------------------------------------------------------
console.log('\nTargets');
const verdict = (ok) => (ok ? 'met' : 'NOT met');
if (seed.baseline) {
  for (const [how, pair] of [['', seed], [', a source not seen before', seedUnseen], [', a source not seen before, hashed as the store does', seedUnseenHosted]]) {
    const speedup = pair.baseline.median / pair.current.median;
    console.log(
      `  seed pair ≥${TARGETS.speedup}× faster than today${how}: ${ms(pair.baseline.median)} → ${ms(pair.current.median)}, ${speedup.toFixed(1)}× ` +
        `(CPU ${ms(pair.baseline.cpu)} → ${ms(pair.current.cpu)}, ${(pair.baseline.cpu / pair.current.cpu).toFixed(1)}×) — ${verdict(speedup >= TARGETS.speedup)}`,
    );
  }
} else console.log(`  seed pair ≥${TARGETS.speedup}× faster than today: not measured (${baseline.reason})`);
if (sim.result) {
  // SIM reads both files afresh in each run: against it, align with a source not seen before.
  const ratio = sim.result.median / seedUnseen.current.median;
  console.log(
    `  faster than SIM on the seed pair: SIM ${ms(sim.result.median)}, align with a source not seen before ${ms(seedUnseen.current.median)}, SIM/align = ${ratio.toFixed(1)}× ` +
      `(${(sim.result.median / seed.current.median).toFixed(1)}× with the source prepared before) — ${verdict(ratio > TARGETS.sim)}`,
  );
} else console.log(`  faster than SIM on the seed pair: not measured (${sim.reason})`);
const paraphraseRatio = paraphrase.current.median / paraphrase.baseline.median;
console.log(
  `  the paraphrase layer costs nothing measurable on the op-ed (no paraphrases): with/without the lexicon = ${paraphraseRatio.toFixed(2)}× ` +
    `(${ms(paraphrase.current.median)} / ${ms(paraphrase.baseline.median)}, at most ${TARGETS.paraphraseCost}×) — ${verdict(paraphraseRatio <= TARGETS.paraphraseCost)}`,
);
const overDiff = diff.median / seed.current.median;
console.log(`  ≥${TARGETS.diffWords}× faster than diffWords: diffWords/align = ${overDiff.toFixed(0)}× — ${verdict(overDiff >= TARGETS.diffWords)}`);
for (const c of megabyte) {
  console.log(`  ${c.name} under ${c.target} ms: ${ms(c.current.median)} — ${verdict(c.current.median < c.target)}`);
}
for (const g of [sourceGrowth, commentaryGrowth]) {
  console.log(
    `  growth with the ${g.side} no worse than linear: per-KB time at ${g.largest.k}× is ${g.largest.relative.toFixed(2)}× the 1× case ` +
      `(tolerance ${TARGETS.growth}×) — ${verdict(g.largest.relative <= TARGETS.growth)}`,
  );
}
baseline.cleanup?.();

/** The text with one more trailing space than the last time: the same words, a text align has not prepared. */
function unseen(text) {
  unseen.runs = (unseen.runs ?? 0) + 1;
  return text + ' '.repeat(unseen.runs);
}

/** Runs align once; returns its error, or undefined when it works. */
function tryAlign(source, commentary) {
  try {
    const report = align(source, commentary);
    console.log(`align finds ${report.passages.length} passages in the seed pair.`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * This engine and, when there is one, today's, timed in alternation (one run of each in
 * turn), so that a machine busy with other work slows both alike.
 */
function compare(current, baselineRun, { runs, warmups }) {
  if (!baselineRun) return { current: measure(current, { runs, warmups }) };
  for (let i = 0; i < warmups; i++) {
    baselineRun();
    current();
  }
  globalThis.gc?.();
  const a = timed(current);
  const b = timed(baselineRun);
  for (let i = 0; i < runs; i++) {
    b.run();
    a.run();
  }
  return { current: a.result(warmups), baseline: b.result(warmups) };
}

/**
 * Times one call at a time, sampling memory after each, as measure does for a series; also
 * the CPU time the process spent (all its threads), which a machine shared with other work
 * inflates far less than the wall clock.
 */
function timed(fn) {
  const times = [];
  const cpu = [];
  let heapPeak = 0;
  let rssPeak = 0;
  return {
    run() {
      const usage = process.cpuUsage();
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
      const spent = process.cpuUsage(usage);
      cpu.push((spent.user + spent.system) / 1000);
      const { heapUsed, rss } = process.memoryUsage();
      heapPeak = Math.max(heapPeak, heapUsed);
      rssPeak = Math.max(rssPeak, rss);
    },
    result(warmups) {
      return { runs: times.length, warmups, median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpu), heapPeak, rssPeak };
    },
  };
}

function row(name, result, reference) {
  const runs = result.warmups === undefined ? `${result.runs}` : `${result.runs} (+${result.warmups} warm-up)`;
  return [name, runs, ms(result.median), ms(result.min), ms(result.max), result.cpu === undefined ? '' : ms(result.cpu), `${(result.median / reference).toFixed(1)}×`];
}

/** align with one side at 1×, 10×, 30× and 100× its length; the per-KB cost of each against the 1× case. */
function growth(side, make, baseBytes) {
  const points = [1, ...SCALES].map((k) => {
    const { source, commentary } = make(k);
    const result = measure(() => align(unseen(source), commentary), k === 1 ? SEED_RUNS : BIG_RUNS);
    const grown = bytes(side === 'source' ? source : commentary);
    return { k, source, commentary, result, perKb: result.median / (grown / 1024) };
  });
  const base = points[0];
  const rows = points.map((p) => [
    `${side} ${p.k}×`,
    kb(bytes(p.source)),
    kb(bytes(p.commentary)),
    ms(p.result.median),
    `${(p.perKb * 1000).toFixed(1)} µs`,
    `${(p.perKb / base.perKb).toFixed(2)}×`,
  ]);
  const last = points[points.length - 1];
  return { side, rows, largest: { k: last.k, relative: last.perKb / base.perKb }, baseBytes };
}

/**
 * The engine as it was at BASELINE: its packages/core read from git, compiled with the
 * repository's TypeScript into a temporary folder that borrows the repository's node_modules.
 */
async function loadBaseline() {
  const git = (args, input) => spawnSync('git', ['-C', ROOT, ...args], { input, maxBuffer: 64 * 1024 * 1024 });
  const version = git(['--version']);
  if (version.error || version.status !== 0) return { reason: 'git is not available.' };
  if (git(['cat-file', '-e', `${BASELINE}^{commit}`]).status !== 0) return { reason: `commit ${BASELINE} is not in this clone (a shallow clone?).` };
  const listed = git(['ls-tree', '-r', '--name-only', BASELINE, 'packages/core/src', 'packages/core/package.json', 'packages/core/tsconfig.json', 'packages/core/tsconfig.build.json', 'tsconfig.base.json']);
  const paths = listed.stdout.toString().split('\n').filter(Boolean);
  const contents = git(['cat-file', '--batch'], paths.map((p) => `${BASELINE}:${p}`).join('\n') + '\n').stdout;
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-bench-core-'));
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  try {
    // `git cat-file --batch` answers "<sha> blob <size>\n<content>\n" for each path, in order.
    let at = 0;
    for (const path of paths) {
      const headerEnd = contents.indexOf(10, at);
      const size = Number(contents.subarray(at, headerEnd).toString().split(' ')[2]);
      const file = join(folder, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents.subarray(headerEnd + 1, headerEnd + 1 + size));
      at = headerEnd + 1 + size + 1;
    }
    symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const built = spawnSync(process.execPath, [tsc, '-p', join(folder, 'packages/core/tsconfig.build.json')], { encoding: 'utf8' });
    if (built.status !== 0) {
      cleanup();
      return { reason: `commit ${BASELINE} did not compile: ${(built.stdout || built.stderr).split('\n')[0]}` };
    }
    const engine = await import(pathToFileURL(join(folder, 'packages/core/dist/index.js')).href);
    return { align: engine.align, cleanup };
  } catch (error) {
    cleanup();
    return { reason: `it could not be extracted (${error instanceof Error ? error.message : error}).` };
  }
}

/** SIM on the seed pair, as a user runs it: a process per comparison, its output read and dropped. */
function timeSim() {
  const probe = spawnSync('sim_text', ['-v']);
  if (probe.error) return { reason: 'sim_text is not installed (Debian package similarity-tester).' };
  const args = ['-r', '8', join(ROOT, SOURCE_FILE), join(ROOT, COMMENTARY_FILE)];
  const run = () => {
    const result = spawnSync('sim_text', args, { maxBuffer: 16 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`sim_text exited with ${result.status}`);
  };
  try {
    return { result: measure(run, { runs: SIM_RUNS, warmups: 1 }) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A source `copies` times the statement's length: the title, then its paragraphs again and
 * again, every copy after the first with three words per paragraph substituted, so the
 * copies are near-duplicates (the hard case for an aligner), not identical. Seeded: the
 * same text on every run and machine.
 */
function scaledSource(text, copies, seed = 20220204) {
  return scaled(text, copies, seed, '\n\n');
}

/** A commentary `copies` times the op-ed's length, made the same way (its paragraphs are lines). */
function scaledCommentary(text, copies, seed = 7) {
  return scaled(text, copies, seed, '\n');
}

function scaled(text, copies, seed, separator) {
  if (copies === 1) return text;
  const substitutes = ['regional', 'mutual', 'strategic', 'common', 'global', 'bilateral', 'practical', 'lasting', 'broad', 'joint'];
  const random = seededRandom(seed + copies);
  const [title, ...body] = text.trimEnd().split(separator);
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
  return `${out.join(separator)}\n`;
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
