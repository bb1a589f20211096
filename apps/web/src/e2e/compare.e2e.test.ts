import { copyFileSync, mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { outputPath, repositoryPath } from './support/browser';
import { COMMENTARY_ID, COMPARE, SOURCE_ID } from './support/seed';
import { openHydrated, usePagePerTest, useWorkbench } from './support/session';

// The comparison page for the seed pair — the op-ed against the joint statement — in
// Chromium (support/browser.ts), against the real server.
describe('the comparison page', () => {
  const session = useWorkbench();
  let context: BrowserContext;
  let page: Page;
  usePagePerTest(session, { viewport: { width: 1280, height: 800 } }, (opened) => ({ context, page } = opened));

  const passages = (role: 'source' | 'commentary') => page.locator(`[data-role="${role}"] [data-passage-id]`);
  const passage = (role: 'source' | 'commentary', id: string) => page.locator(`[data-role="${role}"] [data-passage-id="${id}"]`);

  /** Whether an element shows in its column's scrolling pane. */
  const inView = (role: 'source' | 'commentary', id: string) =>
    passage(role, id).evaluate((el) => {
      const pane = el.closest('.pane')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return box.bottom > pane.top + 4 && box.top < pane.bottom - 4;
    });

  const open = (hash = '') => openHydrated(page, `${COMPARE}${hash}`);

  it('shows the eight passages in both columns: 2 verbatim and 6 altered, 6 quotations and 2 borrowings', async () => {
    await open();
    for (const role of ['source', 'commentary'] as const) {
      await expect.poll(() => passages(role).count()).toBe(8);
      const statuses = await passages(role).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
      expect(statuses.filter((s) => s === 'verbatim')).toHaveLength(2);
      expect(statuses.filter((s) => s === 'altered')).toHaveLength(6);
      const kinds = await passages(role).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds.filter((k) => k === 'quotation')).toHaveLength(6);
      expect(kinds.filter((k) => k === 'borrowing')).toHaveLength(2);
    }
    const ids = async (role: 'source' | 'commentary') => (await passages(role).evaluateAll((els) => els.map((e) => e.getAttribute('data-passage-id')))).sort();
    expect(await ids('source')).toEqual(await ids('commentary'));
    // The status in words beside its colour, in the list.
    await expect.poll(() => page.locator('[data-list-passage] .status').allTextContents()).toEqual([
      'verbatim', 'altered', 'altered', 'altered', 'altered', 'verbatim', 'altered', 'altered',
    ]);
  });

  it('holds each document’s text exactly, with the differences, emphasis markers and omissions marked', async () => {
    await open();
    const text = async (id: string) => ((await (await page.request.get(`/api/documents/${id}`)).json()) as { text: string }).text;
    expect(await page.locator('[data-role="source"] .text').textContent()).toBe(await text(SOURCE_ID));
    expect(await page.locator('[data-role="commentary"] .text').textContent()).toBe(await text(COMMENTARY_ID));

    const russian = page.locator('[data-role="commentary"] ins[data-diff="replace"]', { hasText: /^Russian$/ });
    await expect.poll(() => russian.getAttribute('title')).toMatch(/^Inflection: “Russia” in the source, “Russian” in the commentary/);
    expect(await page.locator('[data-role="source"] del[data-diff="delete"]', { hasText: /^by$/ }).count()).toBe(1);

    const markers = page.locator('[data-role="commentary"] [data-emphasis-marker]');
    expect(await markers.allTextContents()).toEqual(['(Italics added)', '(Italics added)', '(Italics added)']);
    expect(await page.locator('[data-role="commentary"] [data-passage-id][data-emphasis]').count()).toBe(3);

    const report = (await (await page.request.get(`/api/alignments/${SOURCE_ID}/${COMMENTARY_ID}`)).json()) as { omissions: unknown[] };
    expect(await page.locator('[data-role="source"] [data-omitted]').count()).toBe(report.omissions.length);
    expect(await page.locator('[data-role="source"] [data-omitted][data-locator="0.1"]').isVisible()).toBe(true);
    // The first quotation's cut-off context, in the list once it is selected.
    await page.locator('[data-list-passage] a.select').first().click();
    await expect.poll(() => page.locator('[data-list-passage][data-selected] dd', { hasText: 'begins after' }).textContent()).toBe(
      'begins after: ‘The sides believe that certain States,’',
    );
  });

  it('highlights the twin of a passage clicked, and scrolls it into view', async () => {
    await open();
    const id = (await passages('commentary').nth(3).getAttribute('data-passage-id'))!;
    expect(await inView('source', id)).toBe(false);
    await passage('commentary', id).click();
    await expect.poll(() => passage('source', id).getAttribute('data-selected')).toBe('true');
    await expect.poll(() => passage('source', id).getAttribute('data-highlighted')).toBe('true');
    await expect.poll(() => inView('source', id)).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#passage-${id}`);

    // Hovering another passage highlights its twin too.
    const other = (await passages('source').nth(0).getAttribute('data-passage-id'))!;
    await passage('source', other).hover();
    await expect.poll(() => passage('commentary', other).getAttribute('data-highlighted')).toBe('true');
  });

  it('opens a permalink on its passage, selected and in view in both columns', async () => {
    const id = (await (async () => {
      await open();
      return passages('commentary').nth(6).getAttribute('data-passage-id');
    })())!;
    await page.goto('about:blank');
    await open(`#passage-${id}`);
    for (const role of ['commentary', 'source'] as const) {
      await expect.poll(() => passage(role, id).getAttribute('data-selected')).toBe('true');
      await expect.poll(() => inView(role, id)).toBe(true);
    }
    await expect.poll(() => page.locator(`[data-list-passage="${id}"]`).getAttribute('data-selected')).toBe('true');
  });

  it('moves between passages with j/k, n/p and the buttons', async () => {
    await open();
    const ids = await passages('commentary').evaluateAll((els) => els.map((e) => e.getAttribute('data-passage-id')!));
    const selected = () => page.locator('[data-role="commentary"] [data-passage-id][data-selected]').getAttribute('data-passage-id');
    await page.locator('body').click({ position: { x: 5, y: 60 } });
    await page.keyboard.press('j');
    await expect.poll(selected).toBe(ids[0]);
    await page.keyboard.press('j');
    await expect.poll(selected).toBe(ids[1]);
    await page.keyboard.press('n');
    await expect.poll(selected).toBe(ids[2]);
    await page.keyboard.press('k');
    await expect.poll(selected).toBe(ids[1]);
    await page.keyboard.press('p');
    await expect.poll(selected).toBe(ids[0]);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(selected).toBe(ids[1]);
    await expect.poll(() => inView('source', ids[1]!)).toBe(true);

    // Keyboard only: Tab reaches a passage in the text, Enter selects it.
    await passage('commentary', ids[4]!).focus();
    await page.keyboard.press('Enter');
    await expect.poll(selected).toBe(ids[4]);
  });

  it('filters the list by status and kind; next/previous keep to the passages shown', async () => {
    await open();
    await page.getByRole('checkbox', { name: /^altered/ }).uncheck();
    await expect.poll(() => page.locator('[data-list-passage]').count()).toBe(2);
    expect(await page.locator('[data-role="commentary"] [data-filtered-out]').count()).toBe(6);
    await page.getByRole('checkbox', { name: /^altered/ }).check();
    await page.getByRole('checkbox', { name: /^quotation/ }).uncheck();
    await expect.poll(() => page.locator('[data-list-passage]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'borrowing',
      'borrowing',
    ]);
    await page.locator('body').click({ position: { x: 5, y: 60 } });
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-role="commentary"] [data-selected]').getAttribute('data-kind')).toBe('borrowing');
  });

  it('copies a citation of either side, in the format chosen, and shows what it copied', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.workbench.url });
    await open();
    await page.getByLabel('Citation format').selectOption('bibtex');
    const first = page.locator('[data-list-passage]').first();
    const id = (await first.getAttribute('data-list-passage'))!;
    await first.getByRole('button', { name: /Copy citation/ }).click();
    await first.locator('[data-copy="source"]').click();
    await expect.poll(() => first.locator('[data-copied="source"] .done').textContent()).toBe('✓ Copied (BibTeX)');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`@misc{${id},`)).toBe(true);
    expect(copied).toContain('sec. III, para. 6');
    expect(copied).toMatch(/^\tmonth = feb,\n\tday = \{4\},$/m);
    // What was copied is shown, exactly.
    expect(await first.locator('[data-copied-text]').textContent()).toBe(copied);

    // The commentary's side: its words as it quotes them, the source's locator, the permalink.
    await first.getByRole('button', { name: /Copy citation/ }).click();
    await first.locator('[data-copy="commentary"]').click();
    await expect.poll(() => first.locator('[data-copied="commentary"]').count()).toBe(1);
    const commentary = await page.evaluate(() => navigator.clipboard.readText());
    expect(commentary).toMatch(/^“Expanding Sino-Russian cooperation,” February 2022: “military and political alliances and coalitions seek to obtain/);
    expect(commentary).toContain('III.6');
    expect(commentary.endsWith(`${session.workbench.url}${COMPARE}#passage-${id}`)).toBe(true);
    expect(await first.locator('[data-copied-text]').textContent()).toBe(commentary);

    await page.getByLabel('Citation format').selectOption('text');
    await first.getByRole('button', { name: /Copy citation/ }).click();
    await first.locator('[data-copy="source"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/sec\. III, para\. 6/);
  });

  it('saves screenshots at 1280 and 390 px wide, the columns stacked on the narrow one', async () => {
    await open();
    const id = (await passages('commentary').nth(3).getAttribute('data-passage-id'))!;
    await page.goto('about:blank');
    await open(`#passage-${id}`);
    await expect.poll(() => inView('source', id)).toBe(true);
    await page.evaluate(async () => {
      await document.fonts.ready;
      // The permalink focused the passage; the picture is of the page, not of the focus ring.
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.mouse.move(0, 0);
    const wide = outputPath('comparison-1280.png');
    await page.screenshot({ path: wide });
    // The README's picture is refreshed on request only: a test run leaves the checkout clean.
    if (process.env.VERBATIM_UPDATE_SCREENSHOT === '1') {
      mkdirSync(repositoryPath('docs'), { recursive: true });
      copyFileSync(wide, repositoryPath('docs', 'comparison.png'));
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('about:blank');
    await open(`#passage-${id}`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // One scrolling surface: the commentary, then the source, at their full length in the page.
    const [source, commentary] = await Promise.all(
      ['source', 'commentary'].map((role) => page.locator(`[data-role="${role}"]`).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)),
    );
    expect(source!.top).toBeGreaterThanOrEqual(commentary!.bottom);
    // (The strip at the foot, and the list's sheet when raised, scroll on their own: they lie over the page.)
    const scrollers = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((el) => !el.closest('[data-strip], #passage-list'))
        .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1 && el.checkVisibility({ visibilityProperty: true }))
        .map((el) => el.className),
    );
    expect(scrollers).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The permalink's passage is selected; its twin in the source is in view, in the strip at the foot.
    const strip = page.locator('[data-strip] [data-twin="source"]');
    await expect.poll(() => strip.isVisible()).toBe(true);
    const twin = (await passage('source', id).textContent())!;
    expect((await strip.locator('.words').textContent())!.replace(/\s+/g, ' ')).toBe(twin.replace(/\s+/g, ' '));
    await passage('commentary', id).scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('comparison-390.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: outputPath('comparison-390-top.png') });

    // Tapping a passage in the commentary brings its source twin into the strip.
    const other = (await passages('commentary').nth(1).getAttribute('data-passage-id'))!;
    await passage('commentary', other).scrollIntoViewIfNeeded();
    await passage('commentary', other).click();
    await expect.poll(async () => (await strip.locator('.words').textContent())!.replace(/\s+/g, ' ')).toBe(
      (await passage('source', other).textContent())!.replace(/\s+/g, ' '),
    );
    // The list is a sheet raised from the strip, and closed again.
    await page.locator('[data-action="passage-sheet"]').click();
    await expect.poll(() => page.locator('#passage-list').evaluate((el) => el.getBoundingClientRect().top < innerHeight - 100)).toBe(true);
    await page.screenshot({ path: outputPath('comparison-390-sheet.png') });
    await page.locator('[data-action="close-sheet"]').click();
    await expect.poll(() => page.locator('#passage-list').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  });
});
