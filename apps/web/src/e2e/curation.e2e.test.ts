/**
 * A curator's day: searching the corpus, reading a source's verification, adding articles,
 * correcting and deleting documents. Each page is looked at on a phone (390 px) and a
 * desktop (1400 px); screenshots go to test-output/web/curation-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, outputPath } from './support/browser';
import { SOURCE_ID } from './support/seed';
import { startWorkbench, type Workbench } from './support/workbench';

const WIDTHS = [390, 1400] as const;

describe('curating the corpus', () => {
  let workbench: Workbench;
  let browser: Browser;

  beforeAll(async () => {
    [workbench, browser] = await Promise.all([startWorkbench(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });

  async function newPage(width: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, baseURL: workbench.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** Whether the page scrolls sideways: its content is wider than the window. */
  const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  for (const width of WIDTHS) {
    it(`searches a query with an unbalanced quotation mark as plain words, the statement before the op-ed, at ${width} px`, async () => {
      const { context, page, errors } = await newPage(width);
      await page.goto('/search');
      await page.getByLabel('Words to find').fill('"no limits');
      await page.locator('#main').getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\?q=/);
      expect(await page.locator('[data-read-as="words"]').textContent()).toMatch(/^\s*"no limits is not valid search syntax .*so\s+the words no limits were searched for instead\.\s*$/s);
      expect(await page.locator('[role="status"]').textContent()).toMatch(/sources first, then the commentaries/);
      expect(await page.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['source', 'commentary']);
      const first = page.locator('[data-hit]').first();
      expect(await first.getAttribute('data-hit')).toBe(SOURCE_ID);
      expect(await first.locator('.locator').textContent()).toBe('IV.5');
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: outputPath(`curation-search-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
