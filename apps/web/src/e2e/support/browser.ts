/**
 * The browser for the end-to-end tests, driven by playwright-core (which downloads nothing):
 * Debian's Chromium where it is installed, otherwise the Chromium that the npm package
 * `@sparticuz/chromium` ships inside itself, so `npm install && npm test` needs no browser on
 * the machine.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { bundledChromium } from './bundled-chromium';

/** Debian's Chromium, or the binary `VERBATIM_CHROMIUM` names; the bundled one when it is absent. */
export const SYSTEM_CHROMIUM = process.env.VERBATIM_CHROMIUM || '/usr/bin/chromium';

/** What every launch gets, whichever Chromium it is. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Every browser this process launched and has not closed: closed after each test file (cleanup.ts). */
const open = new Set<Browser>();

export async function launch(): Promise<Browser> {
  const browser = await launchChromium();
  open.add(browser);
  browser.once('disconnected', () => open.delete(browser));
  return browser;
}

async function launchChromium(): Promise<Browser> {
  if (isExecutableFile(SYSTEM_CHROMIUM)) return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: FLAGS });
  const bundled = await bundledChromium();
  return chromium.launch({
    executablePath: bundled.executablePath,
    args: mergeFlags(bundled.args, FLAGS),
    env: { ...process.env, LD_LIBRARY_PATH: [bundled.libraryPath, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  });
}

/** A program that can run: not missing, and not hidden behind a device (a bind mount of /dev/null). */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Closes every browser still open, whatever state the test that launched it ended in. */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.allSettled([...open].map((b) => b.close()));
  open.clear();
}

/** `base` then `extra`, where a switch in `extra` replaces the one of the same name in `base`. */
export function mergeFlags(base: readonly string[], extra: readonly string[]): string[] {
  const name = (flag: string) => flag.split('=')[0];
  const replaced = new Set(extra.map(name));
  return [...base.filter((f) => !replaced.has(name(f))), ...extra];
}

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Where screenshots go: test-output/web/ at the repository root (ignored by git). */
export function outputPath(name: string): string {
  const path = join(ROOT, 'test-output', 'web', name);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

export function repositoryPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}
