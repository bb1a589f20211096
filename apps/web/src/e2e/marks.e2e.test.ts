import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputPath, repositoryPath } from './support/browser';
import { COMMENTARY_ID, COMPARE, SOURCE_ID } from './support/seed';
import { addDocument, openHydrated, usePagePerTest, useWorkbench } from './support/session';

// How the comparison marks what it found, in Chromium: the weight of each difference, the key,
// what each emphasis marker says, passages inside passages, printing and downloading.
// "A reading" is Markdown that quotes IV.5 in its heading, whole, and in part, and marks its
// emphasis "(emphasis mine)", "(emphasis added)" and "(italics in original)".
const READING = readFileSync(repositoryPath('fixtures', 'a-reading-with-emphasis.md'), 'utf8');

describe('the marks of the comparison', () => {
  const session = useWorkbench();
  let page: Page;
  usePagePerTest(session, { viewport: { width: 1400, height: 900 } }, (opened) => ({ page } = opened));
  let readingId: string;

  beforeAll(async () => {
    readingId = await addDocument(session.workbench, { text: READING, format: 'markdown', kind: 'commentary', title: 'A reading of no limits' });
  });

  const open = (path: string) => openHydrated(page, path);
  const style = (selector: string, property: string, pseudo: string | null = null) =>
    page.locator(selector).first().evaluate((el, [p, ps]) => getComputedStyle(el, ps).getPropertyValue(p!), [property, pseudo] as const);

  it('marks a rewording strongly, an inflection plainly, a spelling variant faintly', async () => {
    await open(COMPARE);
    const covid = '[data-role="commentary"] ins[data-category="wording"]';
    const fulfillment = '[data-role="commentary"] ins[data-category="spelling"]';
    const russian = '[data-role="commentary"] ins[data-category="inflection"]';
    expect(await page.locator(covid, { hasText: 'Covid pandemic' }).getAttribute('data-weight')).toBe('substantive');
    expect(await page.locator(fulfillment, { hasText: 'fulfillment' }).getAttribute('data-weight')).toBe('faint');
    expect(await page.locator(russian, { hasText: /^Russian$/ }).getAttribute('data-weight')).toBe('minor');
    // Strong: a tint and a 2px solid rule; faint: no tint, a dotted rule, the ink unchanged.
    expect(await style(covid, 'background-color')).not.toBe('rgba(0, 0, 0, 0)');
    expect(await style(covid, 'text-decoration-style')).toBe('solid');
    expect(await style(fulfillment, 'background-color')).toBe('rgba(0, 0, 0, 0)');
    expect(await style(fulfillment, 'text-decoration-style')).toBe('dotted');
    expect(await style(fulfillment, 'color')).toBe(await style('[data-role="commentary"] .text', 'color'));
    expect(await style(russian, 'background-color')).toBe('rgba(0, 0, 0, 0)');
  });

  it('says each difference’s category without hovering: beside it once selected, in the card, to a screen reader', async () => {
    await open(COMPARE);
    const host = page.locator('[data-role="commentary"] [data-passage-id]', { has: page.locator('ins', { hasText: 'Covid pandemic' }) });
    const id = (await host.getAttribute('data-passage-id'))!;
    expect(await style(`[data-role="commentary"] [data-passage-id="${id}"] ins[data-category="wording"]`, 'content', '::after')).toBe('none');
    await host.click();
    await expect.poll(() => style(`[data-role="commentary"] [data-passage-id="${id}"] ins[data-category="wording"]`, 'content', '::after')).toBe('"wording"');
    expect(await style(`[data-role="source"] [data-passage-id="${id}"] del[data-category="spelling"]`, 'content', '::after')).toBe('"spelling variant"');
    const card = page.locator(`[data-list-passage="${id}"] [data-differences]`);
    expect((await card.textContent())!.replace(/\s+/g, ' ')).toMatch(/wording “pandemic of the new coronavirus infection” → “Covid pandemic”.*spelling variant “fulfilment” → “fulfillment”/);
    // The accessibility tree names the category before the words.
    const tree = await page.locator(`[data-role="commentary"] [data-passage-id="${id}"]`).ariaSnapshot();
    expect(tree).toMatch(/wording: Covid pandemic/);
    expect(tree).toMatch(/spelling variant: fulfillment/);
  });

  it('explains every mark in a key, and hides the faint ones on request', async () => {
    await open(COMPARE);
    expect(await page.locator('[data-legend]').isVisible()).toBe(false);
    await page.locator('[data-action="legend"]').click();
    const key = page.locator('[data-legend]');
    expect(await key.isVisible()).toBe(true);
    const text = (await key.textContent())!;
    for (const words of ['Substantive', 'Inflection', 'Faint', 'Editorial', 'verbatim', 'altered', 'borrowing', 'not quoted', 'emphasis in original']) {
      expect(text).toContain(words);
    }
    await page.screenshot({ path: outputPath('comparison-key.png') });

    const fulfillment = '[data-role="commentary"] ins[data-category="spelling"]';
    await page.locator('[data-action="substantive-only"]').check();
    expect(await style(fulfillment, 'text-decoration-line')).toBe('none');
    expect(await style('[data-role="commentary"] ins[data-category="wording"]', 'text-decoration-line')).toBe('underline');
    await page.locator('[data-action="substantive-only"]').uncheck();
    expect(await style(fulfillment, 'text-decoration-line')).toBe('underline');
  });

  it('says what each emphasis marker claims — mine, added, in original — in both columns and on the card', async () => {
    await open(`/compare/${SOURCE_ID}/${readingId}`);
    const badges = await page
      .locator('[data-role="source"] [data-passage-id][data-emphasis]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-emphasis'), getComputedStyle(el, '::after').content]));
    expect(badges.sort()).toEqual([
      ['added', '"emphasis added"'],
      ['mine', '"emphasis mine"'],
      ['original', '"emphasis in original"'],
    ]);
    const markers = page.locator('[data-role="commentary"] [data-emphasis-marker]');
    expect(await markers.evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('data-emphasis'), el.getAttribute('title')!.split(':')[0]]))).toEqual([
      ['(emphasis mine)', 'mine', 'emphasis mine'],
      ['(emphasis added)', 'added', 'emphasis added'],
      ['(italics in original)', 'original', 'emphasis in original'],
    ]);
    // The two kinds look different, in the text and on the marker.
    expect(await style('[data-role="commentary"] [data-emphasis-marker][data-emphasis="original"]', 'color')).not.toBe(
      await style('[data-role="commentary"] [data-emphasis-marker][data-emphasis="added"]', 'color'),
    );
    for (const kind of ['mine', 'added', 'original'] as const) {
      const id = (await page.locator(`[data-role="commentary"] [data-emphasis-marker][data-emphasis="${kind}"]`).getAttribute('data-for'))!;
      await page.locator(`[data-list-passage="${id}"] a.select`).click();
      const card = page.locator(`[data-list-passage="${id}"] [data-emphasis-card="${kind}"]`);
      expect(await card.locator('.emphasis-kind').textContent()).toBe({ mine: 'emphasis mine', added: 'emphasis added', original: 'emphasis in original' }[kind]);
    }
    await page.screenshot({ path: outputPath('comparison-emphasis.png') });
  });

  it('gives a passage inside another its own element, selectable, and lists it on the document page; a quotation in a heading stays on its line', async () => {
    await open(`/compare/${SOURCE_ID}/${readingId}`);
    const nested = page.locator('[data-role="source"] [data-passage-id] [data-passage-id][data-nested]');
    expect(await nested.count()).toBe(2);
    const ids = await page.locator('[data-role="source"] [data-passage-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-passage-id')));
    expect(new Set(ids).size).toBe(5);
    const inner = (await nested.first().getAttribute('data-passage-id'))!;
    await nested.first().click();
    await expect.poll(() => page.locator(`[data-role="commentary"] [data-passage-id="${inner}"]`).getAttribute('data-selected')).toBe('true');
    expect(await nested.first().getAttribute('data-selected')).toBe('true');

    // The heading (the title line) quotes IV.5 too: its words before and after the passage stay on its lines.
    const heading = page.locator('[data-role="commentary"] [data-title] [data-passage-id], [data-role="commentary"] [data-passage-id]:has([data-title])').first();
    expect(await heading.count()).toBe(1);
    const [before, start, end, after] = await heading.evaluate((el) => {
      const box = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()];
      };
      // Past Svelte's comment markers and empty elements (a locator) to the nearest words.
      const worded = (node: Node | null, step: 'previousSibling' | 'nextSibling'): Node =>
        node!.nodeType !== Node.COMMENT_NODE && node!.textContent!.trim() ? node! : worded(node![step], step);
      const rects = el.getClientRects();
      const [first, last] = [box(worded(el.previousSibling, 'previousSibling')).at(-1)!, box(worded(el.nextSibling, 'nextSibling'))[0]!];
      return [first.top, rects[0]!.top, rects[rects.length - 1]!.bottom, last.bottom];
    });
    expect(Math.abs(before! - start!)).toBeLessThan(8);
    expect(Math.abs(after! - end!)).toBeLessThan(8);

    await open(`/documents/${SOURCE_ID}`);
    const iv5 = page.locator('[data-locator="IV.5"] ul.links li', { hasText: 'A reading of no limits' });
    expect(await iv5.count()).toBe(3);
    // The commentary's own page lists the quotation in its headline, on the title line.
    await open(`/documents/${readingId}`);
    expect(await page.locator('[data-locator="title"] ul.links li', { hasText: 'IV.5' }).count()).toBe(1);
  });

  it('downloads the passages as CSV and every citation as BibTeX (read back with citation-js in the API’s tests)', async () => {
    await open(COMPARE);
    const report = (await (await page.request.get(`/api/alignments/${SOURCE_ID}/${COMMENTARY_ID}`)).json()) as { passages: Array<{ id: string }> };
    await page.locator('[data-action="download"]').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    expect(csv.suggestedFilename()).toBe(`${COMMENTARY_ID}-passages.csv`);
    const rows = readFileSync((await csv.path())!, 'utf8').split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(report.passages.length + 1);
    expect(rows[0]).toBe('\uFEFFn,id,kind,status,locator,candidates,similarity,commentary_start,commentary_end,commentary_text,source_start,source_end,source_text,differences,marks,context_before,context_after');

    await page.locator('[data-action="download"]').click();
    const [bib] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="bib"]').click()]);
    const bibtex = readFileSync((await bib.path())!, 'utf8');
    expect(bibtex).toBe(await (await page.request.get(`/api/alignments/${SOURCE_ID}/${COMMENTARY_ID}/citations?format=bibtex`)).text());
    expect([...bibtex.matchAll(/^@misc\{([^,]+),$/gm)].map((m) => m[1]).sort()).toEqual(report.passages.map((p) => p.id).sort());
  });

  it('prints the two columns with the key and without the controls', async () => {
    await open(COMPARE);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-legend]').isVisible()).toBe(true);
    for (const control of ['[role="toolbar"]', '#passage-list', '.site', '[data-strip]']) expect(await page.locator(control).first().isVisible(), control).toBe(false);
    const [source, commentary] = await Promise.all(
      ['source', 'commentary'].map((role) => page.locator(`[data-role="${role}"]`).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)),
    );
    // Side by side, the source on the left, each at its full length (not a clipped pane).
    expect(commentary!.left).toBeGreaterThan(source!.right - 1);
    const clipped = await page.locator('[data-role="source"] .pane').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped).toBe(false);
    await page.pdf({ path: outputPath('comparison-print.pdf'), format: 'A4' });
  });

  it('lays the library’s tables out on a phone with nothing cut off or scrolled sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('/');
    const clipped = await page.locator('table').evaluateAll((tables) =>
      tables.flatMap((t) => [t, ...t.querySelectorAll('td')]).filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth).length,
    );
    expect(clipped).toBe(0);
    expect(await page.locator('tr[data-document-id] td[data-label="Date"]', { hasText: '2022-02-04' }).isVisible()).toBe(true);
    await page.screenshot({ path: outputPath('library-390.png'), fullPage: true });
  });
});
