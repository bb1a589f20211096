import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputPath } from './support/browser';
import { COMMENTARY_ID, SOURCE_ID } from './support/seed';
import { checkedPages, hydrated, useWorkbench } from './support/session';

/** More sources than a page of the library holds (50): 55 communiqués, then the statement itself. */
const COMMUNIQUES = 55;

/** The ids of a table's rows, in the order shown. */
const rows = (page: Page, kind: 'source' | 'commentary') => page.locator(`tr[data-kind="${kind}"]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-document-id')!));

describe('the library of a corpus larger than a page', () => {
  const session = useWorkbench();
  const newPage = checkedPages(session, { viewport: { width: 1400, height: 900 } });
  let expected: string[];

  beforeAll(async () => {
    for (let n = 1; n <= COMMUNIQUES; n++) {
      const res = await fetch(`${session.workbench.url}/api/documents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: session.workbench.url },
        body: JSON.stringify({
          kind: 'source',
          format: 'text',
          title: `Communiqué of the river commission, session ${n}`,
          date: `2019-${String(Math.floor(n / 28) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          text: `Communiqué of the river commission, session ${n}\n\nThe ${n}th session reviewed the flow of the shared river and agreed on nothing further.`,
        }),
      });
      expect(res.status).toBe(201);
    }
    // Newest first: the statement (2022), then the communiqués by their dates, none dated alike.
    const listed = (await (await fetch(`${session.workbench.url}/api/documents?kind=source&sort=-date&limit=1000`)).json()) as Array<{ id: string }>;
    expected = listed.map((d) => d.id);
    expect(expected).toHaveLength(COMMUNIQUES + 1);
    expect(expected[0]).toBe(SOURCE_ID);
  }, 120_000);

  it('shows a page of sources and, without JavaScript, a link to the next one that shows the rest, the commentaries staying where they were', async (test) => {
    const { page } = await newPage(test, { javaScriptEnabled: false });
    await page.goto('/');
    expect(await page.locator('h2#sources').textContent()).toBe(`Sources (${COMMUNIQUES + 1})`);
    const first = await rows(page, 'source');
    expect(first).toEqual(expected.slice(0, 50));
    expect(await rows(page, 'commentary')).toEqual([COMMENTARY_ID]);
    const pager = page.getByRole('navigation', { name: 'Pages of sources' });
    expect(await pager.textContent()).toContain(`50 of ${COMMUNIQUES + 1}, newest first`);
    // The commentaries fit on one page: no pager of their own.
    expect(await page.getByRole('navigation', { name: 'Pages of commentaries' }).count()).toBe(0);
    await pager.scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('library-pages-first.png') });

    await pager.getByRole('link', { name: 'More sources' }).click();
    await page.waitForURL(/\/\?sources=[A-Za-z0-9_-]+#sources$/);
    expect(await rows(page, 'source')).toEqual(expected.slice(50));
    expect(await rows(page, 'commentary')).toEqual([COMMENTARY_ID]);
    // The seed pair's link still stands beside the op-ed, on this page too.
    expect(await page.locator(`tr[data-document-id="${COMMENTARY_ID}"] a[href="/compare/${SOURCE_ID}/${COMMENTARY_ID}"]`).count()).toBe(1);
    expect(await pager.getByRole('link', { name: 'More sources' }).count()).toBe(0);
    await page.screenshot({ path: outputPath('library-pages-second.png') });

    await pager.getByRole('link', { name: 'Back to the newest' }).click();
    await page.waitForURL(/\/#sources$/);
    expect(await rows(page, 'source')).toEqual(expected.slice(0, 50));
  });

  it('pages the same way once the page runs its script, on a phone', async (test) => {
    const { page } = await newPage(test, { viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await hydrated(page);
    await page.getByRole('navigation', { name: 'Pages of sources' }).getByRole('link', { name: 'More sources' }).click();
    await expect.poll(() => rows(page, 'source')).toEqual(expected.slice(50));
    expect(new URL(page.url()).searchParams.get('sources')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('says so in one sentence when the address carries a cursor the API did not give', async (test) => {
    const { page } = await newPage(test, { javaScriptEnabled: false });
    const res = await page.goto('/?sources=not-a-cursor');
    expect(res?.status()).toBe(400);
    expect(await page.textContent('body')).toContain('The cursor is not one this API gave');
  });
});
