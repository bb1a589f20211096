import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputPath } from './support/browser';
import { SOURCE_ID } from './support/seed';
import { checkedPages, hydrated, openHydrated, useWorkbench } from './support/session';

/** The fact-checker's question of issue 12. */
const QUESTION = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";

describe('the check page', () => {
  const session = useWorkbench();
  const newPage = checkedPages(session, { viewport: { width: 1400, height: 900 } });

  const cards = (page: Page) => page.locator('article[data-passage-id]');
  const verdicts = (page: Page) =>
    cards(page).evaluateAll((list) =>
      list.map((c) => [c.getAttribute('data-status'), c.querySelector('[data-role="commentary"]')?.textContent, c.querySelector('.locator')?.textContent]),
    );

  it('answers the question while it is typed: "no limits" and the NATO sentence in the statement, "any" the quoter’s', async (test) => {
    const { page } = await newPage(test);
    await page.goto('/');
    // Linked from the header, beside search.
    await page.locator('header nav a[href="/check"]').click();
    await page.waitForURL('**/check');
    await hydrated(page);
    // The box has the focus: typing is all it takes.
    await page.keyboard.type(QUESTION, { delay: 8 });
    await page.locator('p[role="status"]', { hasText: '2 passages checked against the 1 source of the corpus' }).waitFor();
    expect(await verdicts(page)).toEqual([
      ['verbatim', 'no limits', 'IV.5'],
      ['altered', 'oppose any further enlargement of NATO', 'III.6'],
    ]);
    const nato = cards(page).nth(1);
    expect(await nato.locator('[data-role="commentary"] ins[data-diff="insert"]').textContent()).toBe('any');
    expect(await nato.locator('[data-role="source"] [data-context="before"]').textContent()).toBe('The sides');
    expect(await nato.locator('.differences').textContent()).toContain('“any” is the quoter’s');
    // The address carries the text, so the check can be shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe(QUESTION);
    await page.screenshot({ path: outputPath('check.png'), fullPage: true });
  });

  it('keeps only the answer for the text as it is now, however fast the typing', async (test) => {
    const { page } = await newPage(test);
    await openHydrated(page, '/check');
    const box = page.locator('#check-text');
    await box.fill('They said "the moon is made of green cheese" once.');
    await page.keyboard.press('Control+Enter');
    await page.locator('article[data-status="not_found"]').waitFor();
    expect(await page.locator('article .not-found').textContent()).toBe('Not in the one source of the corpus, in any wording.');
    // Replaced before the pause ends, then at once: the last text wins.
    await box.fill(QUESTION.slice(0, 60));
    await box.fill(QUESTION);
    await page.keyboard.press('Control+Enter');
    await page.locator('article[data-status="altered"]').waitFor();
    expect((await verdicts(page)).map((v) => v[0])).toEqual(['verbatim', 'altered']);
  });

  it('opens a shared link with its verdicts from the server, even without JavaScript', async (test) => {
    const { page } = await newPage(test, { javaScriptEnabled: false });
    await page.goto(`/check?q=${encodeURIComponent(QUESTION)}`);
    expect(await verdicts(page)).toEqual([
      ['verbatim', 'no limits', 'IV.5'],
      ['altered', 'oppose any further enlargement of NATO', 'III.6'],
    ]);
    expect(await page.locator('#check-text').inputValue()).toBe(QUESTION);
  });

  it('copies the citation and opens the source at the paragraph', async (test) => {
    const { context, page } = await newPage(test);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.workbench.url });
    await openHydrated(page, `/check?q=${encodeURIComponent(QUESTION)}`);
    const nato = cards(page).nth(1);
    await nato.locator('[data-action="copy-citation"]').click();
    await nato.locator('[data-copied]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/February 4, 2022, sec\. III, para\. 6, .*: “oppose further enlargement of NATO\.”$/);
    // Keyboard-first: the link is reached and followed with the keyboard.
    await nato.locator('[data-action="open-in-context"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/documents/${SOURCE_ID}#p-III.6`);
  });

  it('is usable on a phone: one column, nothing wider than the screen', async (test) => {
    const { page } = await newPage(test, { viewport: { width: 390, height: 844 } });
    await openHydrated(page, `/check?q=${encodeURIComponent(QUESTION)}`);
    expect(await cards(page).count()).toBe(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: outputPath('check-phone.png'), fullPage: true });
  });
});
