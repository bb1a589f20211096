import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';

/**
 * A new context and page for one test, whose script errors fail that test when it finishes:
 * a page that throws while it still looks right is broken for its reader all the same. So does
 * a dialog (dismissed at once): the pages never open one. The context is closed after the test,
 * however it ended.
 */
export async function newCheckedPage(
  browser: Browser,
  test: TestContext,
  options: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  test.onTestFinished(() => expect(errors, 'errors in the page').toEqual([]));
  test.onTestFinished(() => context.close());
  return { context, page };
}
