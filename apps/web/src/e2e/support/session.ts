/**
 * What every end-to-end test file sets up, written once: the real server of its own and a
 * Chromium, started together before its first test and stopped after its last; a checked page
 * for each test; documents added through the API as a user's script adds them; a page opened
 * and awaited until it answers to clicks and keys.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, type TestContext } from 'vitest';
import { launch } from './browser';
import { newCheckedPage } from './checked-page';
import { startWorkbench, type Workbench } from './workbench';

export interface Session {
  /** The server, once the file's first hook has run. */
  readonly workbench: Workbench;
  readonly browser: Browser;
}

/** Starts a server (with `env`) and a browser for the file, and stops both after it. */
export function useWorkbench(env: Record<string, string> = {}): Session {
  let workbench: Workbench | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [workbench, browser] = await Promise.all([startWorkbench(env), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });
  return {
    get workbench() {
      return started(workbench);
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * A new checked page for each test, in a context of its own at `options`' size and the
 * server's address (its script errors fail the test; closed after it), handed to `use` before
 * the test starts: `usePagePerTest(session, { viewport }, (p) => ({ page, context } = p))`.
 */
export function usePagePerTest(session: Session, options: BrowserContextOptions, use: (opened: { page: Page; context: BrowserContext }) => void): void {
  beforeEach(async (test) => {
    use(await newCheckedPage(session.browser, test, { ...options, baseURL: session.workbench.url }));
  });
}

/**
 * Pages a test opens for itself — at another size, or with JavaScript off —, checked and closed
 * as usePagePerTest's are: `const newPage = checkedPages(session, defaults)`, then in a test
 * `const { page } = await newPage(test, { javaScriptEnabled: false })`.
 */
export function checkedPages(session: Session, defaults: BrowserContextOptions) {
  return (test: TestContext, options: BrowserContextOptions = {}) => newCheckedPage(session.browser, test, { ...defaults, ...options, baseURL: session.workbench.url });
}

/** Goes to `path` and waits until the page is hydrated: it answers to clicks and keys (the layout marks it). */
export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrated(page);
}

export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Adds a document through the API (from the server's own origin, as the page would); its id. */
export async function addDocument(workbench: Workbench, document: { text: string; kind: 'source' | 'commentary'; title?: string; format?: 'text' | 'markdown' | 'html' }): Promise<string> {
  const res = await fetch(`${workbench.url}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: workbench.url },
    body: JSON.stringify(document),
  });
  if (!res.ok) throw new Error(`The API refused the test's document (${res.status}): ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Used before the test file’s hooks started it.');
  return value;
}
