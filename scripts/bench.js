#!/usr/bin/env node
// The benchmark runner: `npm run bench` (which builds first), or `node scripts/bench.js core`
// for some sections only. Each section is a script under scripts/bench/ that prints its
// own table; it runs in a fresh Node process so its timings and peak memory are its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** In the order they run. To add a section, write scripts/bench/<name>.js and add a line. */
const SECTIONS = [
  { name: 'core', title: 'Alignment engine (@verbatim/core)' },
  { name: 'store', title: 'Store: ingestion and candidate search (@verbatim/store)' },
  { name: 'api', title: 'HTTP API' },
  { name: 'check', title: 'Checking a quotation against the whole corpus (store.check, POST /api/check)' },
  { name: 'cli', title: 'Command line: verbatim check on one sentence, from process start' },
  { name: 'writes', title: 'HTTP API: reads while a 5 MB commentary is added' },
  { name: 'postgres', title: 'Team server: SQLite and PostgreSQL (ingestion with workers, reads, HTTP p99)' },
  { name: 'web', title: 'Web workbench: comparison page render' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`bench: no section named ${unknown.join(', ')}; the sections are ${SECTIONS.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}

const failed = [];
for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n== ${section.title} ==\n`);
  const script = fileURLToPath(new URL(`./bench/${section.name}.js`, import.meta.url));
  // --expose-gc lets a section start each measurement from a collected heap.
  const { status, error } = spawnSync(process.execPath, ['--expose-gc', script], { stdio: 'inherit' });
  if (error || status !== 0) failed.push(section.name);
}

if (failed.length > 0) {
  console.error(`\nbench: ${failed.join(', ')} did not finish cleanly (see above).`);
  process.exitCode = 1;
}
