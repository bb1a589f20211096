#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

if (process.argv[2] === 'check') {
  // `verbatim check` runs as a linter, on every save: it loads one bundled file with V8's
  // code cache for it, and runs with V8 flags of its own (dist/bundle/load-check.js), set
  // before any of its code is compiled.
  const { CHECK_V8_FLAGS, loadCheckBundle } = await import('../dist/bundle/load-check.js');
  setFlagsFromString(CHECK_V8_FLAGS);
  process.exitCode = await loadCheckBundle().check(process.argv.slice(3));
} else {
  const { main } = await import('../dist/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
