#!/usr/bin/env node
// CommonJS (bin/package.json says so): `verbatim check`, run as a linter on every save, never
// starts Node's ES module loader — it requires one loader (dist/load-check.cjs) that runs one
// bundled file with V8's code cache for it (dist/check.cjs). Every other command imports the
// package's modules (dist/main.js).
'use strict';

if (process.argv[2] === 'check') {
  // The V8 flags of `verbatim check` are set before any of its code is compiled.
  const { CHECK_V8_FLAGS, loadCheckBundle } = require('../dist/load-check.cjs');
  require('node:v8').setFlagsFromString(CHECK_V8_FLAGS);
  loadCheckBundle()
    .check(process.argv.slice(3))
    .then((status) => {
      process.exitCode = status;
    });
} else {
  import('../dist/main.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then((status) => {
      process.exitCode = status;
    });
}
