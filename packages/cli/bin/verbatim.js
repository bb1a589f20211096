#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// `verbatim check` runs as a linter, on every save, and is over in a tenth of a second:
// before the code V8's optimising compiler (TurboFan, on another thread) would make for it
// pays for its compiling. Ten times V8's budget before a function is optimised leaves that
// to code that stays hot — on a 2-core machine the check of one sentence takes about a
// quarter less CPU, and a 100 KB text no more (scripts/bench/cli.js). Set before our code
// is loaded, so that all of it is counted against the larger budget; servers keep V8's own.
if (process.argv[2] === 'check') setFlagsFromString('--interrupt-budget=675840');

const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
