// Run by `npm run build` after tsc: bundles `verbatim check` — the command run as a linter,
// on every save — into one file, dist/check.cjs, and makes V8's code cache for it
// (dist/check.cjs.cache), so that a check loads one file and compiles almost nothing
// instead of resolving, reading and compiling some eighty modules (issue 12: a check of one
// sentence within 150 ms of process start; scripts/bench/cli.js measures it).
//
// The bundle holds what every check runs: the command, the store's read-only checker, the
// engine, the text report. A dynamic import of anything else — Markdown and HTML reading, a
// file's reading, the full store that creates a database not made yet — stays a dynamic
// import of the package's own built module, loaded only by the check that needs it, as
// before: through the loader's import() (load-check.ts), since V8 loses the host's import
// callback of code taken from a code cache (Node 20). better-sqlite3's JavaScript is bundled
// too; its native addon is required from where the build found it (see `addonAtBuild`).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = path.join(root, 'dist');
const entry = path.join(dist, 'bundle/check-entry.js');
const outfile = path.join(dist, 'check.cjs');

/** Dynamic imports that every check makes: bundled. Any other stays a dynamic import. */
const BUNDLED_DYNAMIC_IMPORTS = new Set(['@verbatim/store/checker', '../format/check-report.js', '../format/paint.js', '../format/width.js']);

/** Marks a dynamic import left out of the bundle, rewritten to a call of the loader's `__verbatimImport` once bundled. */
const LAZY = 'verbatim-lazy:';

/** A module's own `import.meta.url`, as the bundle's code sees it: the file it came from (found from the bundle's place, so the folder may move). */
function importMetaUrlOf(file) {
  const relative = path.relative(dist, file);
  return `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(relative)})).href`;
}

/**
 * better-sqlite3 finds its addon with the package `bindings`, which searches a dozen places
 * from the folder of the file that calls it — inside the bundle, the wrong folder. The
 * bundle's `bindings` is this: the addon where `bindings` found it at build time, and the
 * real search, from better-sqlite3's own folder, if it has moved since (npm rebuild).
 */
const addonAtBuild = {
  name: 'addon-at-build',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, (args) =>
      // The real `bindings`, which the stand-in falls back on, is left to Node.
      args.namespace === 'addon-at-build'
        ? { path: 'bindings', external: true }
        : { path: path.relative(dist, packageRootOf(args.importer)), namespace: 'addon-at-build' },
    );
    build.onLoad({ filter: /.*/, namespace: 'addon-at-build' }, (args) => {
      const packageRoot = path.resolve(dist, args.path);
      const found = createRequire(path.join(packageRoot, 'package.json'))('bindings')({ bindings: 'better_sqlite3.node', path: true, module_root: packageRoot });
      const root = JSON.stringify(path.relative(dist, packageRoot));
      const addon = JSON.stringify(path.relative(packageRoot, found));
      return {
        contents: `const path = require("node:path");
const root = path.join(__dirname, ${root});
module.exports = (name) => {
  try {
    return require(path.join(root, ${addon}));
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    return require("bindings")({ bindings: name, module_root: root });
  }
};`,
        loader: 'js',
      };
    });
  },
};

/** The folder of the package a file belongs to: the nearest above it with a package.json. */
function packageRootOf(file) {
  let dir = path.dirname(file);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`bundle-check: ${file} is in no package`);
    dir = up;
  }
  return dir;
}

/** A module's `import.meta.url` as the file it came from, for code bundled into CommonJS, which has no `import.meta`. */
const importMetaUrlAsFile = {
  name: 'import-meta-url-as-file',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', importMetaUrlOf(args.path)), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const lazyImports = {
  name: 'lazy-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || BUNDLED_DYNAMIC_IMPORTS.has(args.path)) return undefined;
      if (!args.path.startsWith('.')) return { path: `${LAZY}${args.path}`, external: true };
      const relative = path.relative(dist, path.resolve(args.resolveDir, args.path));
      return { path: `${LAZY}${relative.startsWith('.') ? relative : `./${relative}`}`, external: true };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['bindings'],
  plugins: [addonAtBuild, lazyImports, importMetaUrlAsFile],
  write: false,
  logLevel: 'warning',
  legalComments: 'none',
});
const code = result.outputFiles[0].text.replaceAll(`import("${LAZY}`, '__verbatimImport("');
const unhandled = /\bimport\(/.exec(code);
if (unhandled) throw new Error(`bundle-check: dist/check.cjs would keep an import() (at ${unhandled.index}), which code from a code cache cannot run.`);
// The first line names the bundle's digest; the code cache starts with the same line (see load-check.ts).
const digest = createHash('sha256').update(code).digest('hex');
fs.writeFileSync(outfile, `// verbatim check, bundled by scripts/bundle-check.mjs; sha256 ${digest}\n${code}`);

// The bundle's loader (src/bundle/load-check.ts) in CommonJS too: bin/verbatim.js, CommonJS
// itself (bin/package.json), requires it, so that a check never starts Node's ES module
// loader — resolving, reading and linking the entry and the loader as ES modules costs a
// check about 7 ms of CPU of its ~65 over a bare `node -e 0`.
await esbuild.build({
  entryPoints: [path.join(dist, 'bundle/load-check.js')],
  outfile: path.join(dist, 'load-check.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [importMetaUrlAsFile],
  logLevel: 'warning',
  legalComments: 'none',
});

// The code cache, made by a check run in a process of its own (with nothing else loaded and
// the V8 flags of `verbatim check`) against a database of the bundled corpus.
const made = spawnSync(process.execPath, [path.join(root, 'scripts/make-check-cache.mjs')], { stdio: 'inherit' });
if (made.status !== 0) {
  console.error('bundle-check: the code cache of dist/check.cjs could not be made (see above).');
  process.exit(1);
}
