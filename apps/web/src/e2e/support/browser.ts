/**
 * The browser for the end-to-end tests, driven by playwright-core (which downloads nothing):
 * Debian's Chromium where it is installed, otherwise the Chromium that the npm package
 * `@sparticuz/chromium` ships inside itself, so `npm install && npm test` needs no browser on
 * the machine.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';

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
  const { name: _name, ...options } = await chromiumLaunchOptions(FLAGS);
  return chromium.launch(options);
}

/** Closes every browser still open, whatever state the test that launched it ended in. */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.allSettled([...open].map((b) => b.close()));
  open.clear();
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
