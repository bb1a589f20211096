// Makes dist/check.cjs.cache (see bundle-check.mjs): runs checks in this process as
// `verbatim check` runs them, against a temporary database holding the bundled corpus,
// then writes V8's code cache of the bundle, which now holds every function they compiled.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// The loader bin/verbatim.js requires (the CommonJS build of src/bundle/load-check.ts).
const { CHECK_V8_FLAGS, loadCheckBundle, writeCodeCache } = createRequire(import.meta.url)('../dist/load-check.cjs');
setFlagsFromString(CHECK_V8_FLAGS);

const corpus = fileURLToPath(new URL('../../../corpus/', import.meta.url));
/** What a linter checks most: one sentence, its one quotation verbatim. */
const SENTENCE = "Russia and China said their friendship has 'no limits'";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-check-cache-'));
try {
  const database = path.join(dir, 'corpus.db');
  // The full store (unbundled, in this process) makes the database; the bundle only reads it.
  const { openStore } = await import('@verbatim/store');
  await (await openStore({ path: database, corpusDir: corpus })).close();
  const bundle = loadCheckBundle();
  const sink = { write: () => true };
  const status = await bundle.check([SENTENCE], { stdout: sink, stderr: sink, env: { VERBATIM_DB: database }, cwd: dir });
  if (status !== 0) throw new Error(`the check of the sample sentence exited ${status}, not 0`);
  writeCodeCache(bundle.codeCache());
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
