import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { MainIO } from '../run-command.js';

/** `verbatim check` in one file (scripts/bundle-check.mjs makes it when the package is built). */
export const CHECK_BUNDLE = fileURLToPath(new URL('../check.cjs', import.meta.url));
/**
 * V8's code cache for it: the bytecode of every function one check ran, made when the
 * package is built (scripts/bundle-check.mjs), so a check compiles almost none of its code.
 * Its first line is the bundle's own first line, which names the bundle's digest: V8 checks
 * only that a cache was made for a source of the same length, we check that it was made
 * for this one.
 */
export const CHECK_CODE_CACHE = `${CHECK_BUNDLE}.cache`;

/**
 * The V8 flags `verbatim check` runs with. A check is over in a tenth of a second: before
 * the code V8's optimising compiler (TurboFan, on another thread) would make for it pays
 * for its compiling. Ten times V8's budget before a function is optimised leaves that to
 * code that stays hot — on a 2-core machine the check of one sentence takes about a quarter
 * less CPU (bundled, at load 20: 152 ms rather than 216 ms with V8's budget), and a 100 KB
 * text no more (scripts/bench/cli.js). A code cache is only taken
 * by a V8 with the flags it was made with, so the build makes it with these too.
 */
export const CHECK_V8_FLAGS = '--interrupt-budget=675840';

export interface CheckBundle {
  check(args: string[], io?: MainIO): Promise<number>;
  /** Whether V8 took the code cache (false when there is none, or it was made for another bundle or another Node). */
  cached: boolean;
  /** The code cache as it stands now: what the build writes after a check has run. */
  codeCache(): Buffer;
}

/**
 * Loads the bundle as Node loads a CommonJS module, but through `vm.Script` so that V8 can
 * take its code cache (Node 20 has no module.enableCompileCache). Its dynamic imports (the
 * code of rarer inputs, left out of the bundle) are made here, by `__verbatimImport`: code
 * V8 takes from a code cache has lost the callback Node gives `import()` (Node 20).
 */
export function loadCheckBundle(): CheckBundle {
  const source = readFileSync(CHECK_BUNDLE, 'utf8');
  const cachedData = codeCacheFor(source);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __verbatimImport) {${source}\n})`, {
    filename: CHECK_BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as { check?: CheckBundle['check'] } };
  const bundleUrl = pathToFileURL(CHECK_BUNDLE);
  /** A specifier as the bundle wrote it: relative to the bundle, or a package name (found from here, in the same node_modules). */
  const importForBundle = (specifier: string): Promise<unknown> => import(specifier.startsWith('.') ? new URL(specifier, bundleUrl).href : specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(CHECK_BUNDLE), module, CHECK_BUNDLE, dirname(CHECK_BUNDLE), importForBundle);
  const { check } = module.exports;
  if (typeof check !== 'function') throw new Error(`${CHECK_BUNDLE} exports no check(): rebuild the package (npm run build).`);
  const header = firstLine(source);
  return {
    check,
    cached: cachedData !== undefined && !script.cachedDataRejected,
    codeCache: () => Buffer.concat([Buffer.from(header), script.createCachedData()]),
  };
}

/** Writes the code cache whole or not at all: a check reading it meanwhile sees the old one or the new one. */
export function writeCodeCache(cache: Buffer): void {
  const partial = `${CHECK_CODE_CACHE}.${process.pid}.tmp`;
  writeFileSync(partial, cache);
  renameSync(partial, CHECK_CODE_CACHE);
}

function codeCacheFor(source: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CHECK_CODE_CACHE);
  } catch {
    return undefined;
  }
  const header = Buffer.from(firstLine(source));
  return file.length > header.length && file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

function firstLine(source: string): string {
  return source.slice(0, source.indexOf('\n') + 1);
}
