/**
 * Which Chromium to drive, and how to start it: Debian's where it is installed (or the binary
 * `VERBATIM_CHROMIUM` names), otherwise the one `@sparticuz/chromium` ships. Shared by the
 * end-to-end tests (browser.ts) and the web benchmark (scripts/bench/web.js), so both run
 * wherever `npm install` has run. Plain JavaScript (typed in JSDoc): Node runs it unbuilt.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { bundledChromium } from './bundled-chromium.js';

/** Debian's Chromium, or the binary `VERBATIM_CHROMIUM` names; the bundled one when it is absent. */
export const SYSTEM_CHROMIUM = process.env.VERBATIM_CHROMIUM || '/usr/bin/chromium';

/**
 * What playwright-core's `chromium.launch` needs to start the browser with `flags`.
 * @param {readonly string[]} flags
 * @returns {Promise<{ executablePath: string; args: string[]; env?: Record<string, string | undefined>; name: string }>}
 */
export async function chromiumLaunchOptions(flags) {
  if (isExecutableFile(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [...flags], name: SYSTEM_CHROMIUM };
  const bundled = await bundledChromium();
  return {
    executablePath: bundled.executablePath,
    args: mergeFlags(bundled.args, flags),
    env: { ...process.env, LD_LIBRARY_PATH: [bundled.libraryPath, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    name: 'the Chromium of @sparticuz/chromium',
  };
}

/**
 * A program that can run: not missing, and not hidden behind a device (a bind mount of /dev/null).
 * @param {string} path
 */
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `base` then `extra`, where a switch in `extra` replaces the one of the same name in `base`.
 * @param {readonly string[]} base
 * @param {readonly string[]} extra
 * @returns {string[]}
 */
export function mergeFlags(base, extra) {
  /** @param {string} flag */
  const name = (flag) => flag.split('=')[0];
  const replaced = new Set(extra.map(name));
  return [...base.filter((f) => !replaced.has(name(f))), ...extra];
}
