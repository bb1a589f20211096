// Benchmark of the command line as a linter runs it, run on the built packages by
// scripts/bench.js: `node packages/cli/bin/verbatim.js check "<one sentence>"` from process
// start to exit, against a database holding the corpus (the statement and the op-ed), next to
// a bare `node -e 0` on the same machine at the same moment. Runs alternate, so both see the
// same load; the median of 20 each after two warm-ups (which fill the file cache). The CPU
// time of each run (its own process, all threads) is printed too: on a machine shared with
// other work it moves less than the wall-clock time. Each figure is also given as a multiple of
// node -e 0's in the same sitting, which moves less still with the machine's load.
// Target (issue 12): the check within 150 ms of process start, where `node -e 0` takes 50–80 ms.
// A third row runs the same check unbundled — the built modules one by one (dist/main.js), as
// `verbatim check` ran before the build bundled it (dist/check.cjs, with V8's code cache) —
// so that what the bundle saves is measured in the same sitting.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@verbatim/store';
import { median, ms, printTable } from './lib.js';

const RUNS = 20;
const WARMUPS = 2;
const TARGET_MS = 150;
const SENTENCE = "Russia and China said their friendship has 'no limits'";
const BIN = fileURLToPath(new URL('../../packages/cli/bin/verbatim.js', import.meta.url));
const UNBUNDLED_MAIN = new URL('../../packages/cli/dist/main.js', import.meta.url).href;
const LOAD_CHECK = new URL('../../packages/cli/dist/bundle/load-check.js', import.meta.url).href;
/** bin/verbatim.js as it was before the bundle: the check's V8 flags, then main() from the built modules. */
const UNBUNDLED = [
  `const { setFlagsFromString } = await import('node:v8');`,
  `setFlagsFromString((await import(${JSON.stringify(LOAD_CHECK)})).CHECK_V8_FLAGS);`,
  `const { main } = await import(${JSON.stringify(UNBUNDLED_MAIN)});`,
  `process.exitCode = await main(['check', ${JSON.stringify(SENTENCE)}]);`,
].join('\n');
const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
// Prints the process's CPU time on exit, for the table's CPU column.
const CPU_ON_EXIT = "process.on('exit',()=>{const c=process.cpuUsage();require('fs').writeSync(2,'\\ncpu '+(c.user+c.system)/1000+'\\n')})";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-cli-'));
try {
  const database = path.join(dir, 'bench.db');
  await (await openStore({ path: database, corpusDir: CORPUS })).close();
  const cpuOnExit = path.join(dir, 'cpu-on-exit.cjs');
  fs.writeFileSync(cpuOnExit, CPU_ON_EXIT);
  const env = { ...process.env, VERBATIM_DB: database };
  delete env.VERBATIM_DEBUG;

  const commands = {
    'node -e 0': ['-e', '0'],
    'verbatim check "<one sentence>"': [BIN, 'check', SENTENCE],
    'verbatim check … --format json': [BIN, 'check', SENTENCE, '--format', 'json'],
    'the same check, unbundled': ['--input-type=module', '-e', UNBUNDLED],
  };
  const wall = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const load = os.loadavg()[0];
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['-r', cpuOnExit, ...args], { env, encoding: 'utf8' });
      const took = performance.now() - started;
      // 0: every quotation genuine; the sentence's one quotation is verbatim.
      if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stderr.trim()}`);
      if (i < WARMUPS) continue;
      wall[name].push(took);
      cpu[name].push(Number(/cpu ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN));
    }
  }

  console.log(`One sentence checked against the corpus, ${RUNS} runs each after ${WARMUPS} warm-ups, alternating (load average ${load.toFixed(1)})\n`);
  const bare = median(wall['node -e 0']);
  const bareMin = Math.min(...wall['node -e 0']);
  const bareCpu = median(cpu['node -e 0']);
  const times = (value, of) => `${(value / of).toFixed(2)}×`;
  printTable(
    ['command', 'wall median', 'wall min', 'over node -e 0', 'CPU median', '× node -e 0 (median, min, CPU)'],
    Object.keys(commands).map((name) => [
      name,
      ms(median(wall[name])),
      ms(Math.min(...wall[name])),
      name === 'node -e 0' ? '' : `+${ms(median(wall[name]) - bare)}`,
      ms(median(cpu[name])),
      name === 'node -e 0' ? '' : [times(median(wall[name]), bare), times(Math.min(...wall[name]), bareMin), times(median(cpu[name]), bareCpu)].join(', '),
    ]),
  );
  const check = median(wall['verbatim check "<one sentence>"']);
  console.log('\nTargets');
  console.log(`  verbatim check on one sentence within ${TARGET_MS} ms of process start: ${ms(check)} — ${check < TARGET_MS ? 'met' : 'NOT met'} (node -e 0 here: ${ms(bare)})`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
