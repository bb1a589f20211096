/** Debian's Chromium, driven by playwright-core (nothing is downloaded). */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.VERBATIM_CHROMIUM ?? '/usr/bin/chromium';

/** Set VERBATIM_SKIP_BROWSER=1 to run the other tests on a machine without Chromium. */
export const skipBrowser = process.env.VERBATIM_SKIP_BROWSER === '1';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set VERBATIM_SKIP_BROWSER=1 to skip the browser tests.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
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
