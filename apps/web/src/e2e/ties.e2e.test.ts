import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../lib/test-support/csv';
import { outputPath, repositoryPath } from './support/browser';
import { SOURCE_ID } from './support/seed';
import { addDocument, openHydrated, usePagePerTest, useWorkbench } from './support/session';

// A news report that quotes, without its closing mark, a formula the statement uses three
// times, borrows another, and quotes a third without its opening mark: each fits two or
// three paragraphs equally, and the page says so rather than show one of them as the
// answer. In Chromium, against the real server.
const REPORT = readFileSync(repositoryPath('packages', 'core', 'test-commentaries', 'repeated-formulas.txt'), 'utf8');

describe('a passage that fits several places of the source equally', () => {
  const session = useWorkbench();
  let context: BrowserContext;
  let page: Page;
  usePagePerTest(session, { viewport: { width: 1400, height: 900 } }, (opened) => ({ context, page } = opened));
  let reportId: string;

  beforeAll(async () => {
    reportId = await addDocument(session.workbench, { text: REPORT, kind: 'commentary', title: 'Moscow and Beijing repeat themselves' });
  });

  const open = (path: string) => openHydrated(page, path);
  const cards = () => page.locator('[data-list-passage]');

  it('lists every place in the passage list, and says in the card which one the columns show', async () => {
    await open(`/compare/${SOURCE_ID}/${reportId}`);
    await expect.poll(() => cards().count()).toBe(3);
    expect(await cards().locator('.locator').allTextContents()).toEqual([
      '0.3, III.5 or III.21, equally',
      'I.5, II.4 or II.5, equally',
      'III.20 or IV.9, equally',
    ]);
    await cards().nth(1).locator('a.select').click();
    const places = cards().nth(1).locator('[data-candidates-card]');
    await places.waitFor();
    expect((await places.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Fits 3 places of the source equally: I.5, II.4 or II.5. Nothing in its words tells them apart; the source column, the differences and the citation show the first, I.5.',
    );
    // A screen reader hears the places too, in the passage's name in the columns.
    const title = await page.locator('[data-role="commentary"] [data-passage-id]').nth(1).getAttribute('title');
    expect(title).toMatch(/^Passage 2 of 3 · borrowing · verbatim · I\.5, II\.4 or II\.5, equally/);
    await page.screenshot({ path: outputPath('ties-1400.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-strip] .where', { hasText: 'in the source, I.5, II.4 or II.5, equally; shown: I.5' }).waitFor();
    await page.screenshot({ path: outputPath('ties-390.png') });
    await page.locator('[data-action="passage-sheet"]').click();
    await places.scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('ties-390-list.png') });
  });

  it('names every place in what it downloads and copies: the CSV, the citations, the commentary’s side', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.workbench.url });
    await open(`/compare/${SOURCE_ID}/${reportId}`);
    await page.locator('[data-action="download"]').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    // Read as a spreadsheet told to split on semicolons and tabs as well as commas: the places
    // of a tie stay in one cell, and every row keeps the header's columns.
    const [head, ...rows] = parseCsv(readFileSync((await csv.path())!, 'utf8').slice(1), ',;\t') as [string[], ...string[][]];
    const at = head.indexOf('candidates');
    expect(head[at - 1]).toBe('locator');
    expect(rows.map((r) => r[at])).toEqual(['0.3; III.5; III.21', 'I.5; II.4; II.5', 'III.20; IV.9']);
    for (const r of rows) expect(r).toHaveLength(head.length);
    expect(rows.map((r) => r[head.indexOf('source_text')])).toEqual([
      'in the internal affairs of other states,',
      'The sides call on the international community to',
      'The sides are ready to strengthen dialogue',
    ]);

    await page.locator('[data-action="download"]').click();
    const [bib] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="bib"]').click()]);
    expect(readFileSync((await bib.path())!, 'utf8').match(/^\tnote = \{.* The passage fits \d places of the source equally \(/gm)).toHaveLength(3);

    await page.getByLabel('Citation format').selectOption('bibtex');
    const borrowing = cards().nth(1);
    await borrowing.getByRole('button', { name: /Copy citation/ }).click();
    expect((await borrowing.locator('[data-copy="source"]').textContent())!.replace(/\s+/g, ' ').trim()).toBe('The source words, I.5, II.4 or II.5, equally (BibTeX)');
    await borrowing.locator('[data-copy="source"]').click();
    await borrowing.locator('[data-copied="source"]').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('The passage fits 3 places of the source equally (sec. I, para. 5; sec. II, para. 4; sec. II, para. 5)');
    expect(await borrowing.locator('[data-copied-text]').textContent()).toBe(copied);
    await page.screenshot({ path: outputPath('ties-copied-1400.png') });

    await borrowing.getByRole('button', { name: /Copy citation/ }).click();
    await borrowing.locator('[data-copy="commentary"]').click();
    await borrowing.locator('[data-copied="commentary"]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(' Quoting Joint Statement of the Russian Federation and the People\'s Republic of China on the International Relations Entering a New Era and the Global Sustainable Development, I.5, II.4 or II.5 (the words fit each equally); compared at ');
  });

  it('lists the passage at each of its places on the source’s page, and all of them on the commentary’s', async () => {
    await open(`/documents/${SOURCE_ID}`);
    for (const locator of ['I.5', 'II.4', 'II.5']) {
      const link = page.locator(`[data-locator="${locator}"] ul.links li`, { hasText: 'Moscow and Beijing repeat themselves' });
      expect((await link.textContent())!.replace(/\s+/g, ' ')).toContain('passage 2, one of 3 places its words fit equally');
    }
    await page.locator('[data-locator="II.4"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('ties-source-page-1400.png') });
    await open(`/documents/${reportId}`);
    const links = await page.locator('ul.links li a').allTextContents();
    expect(links.map((l) => l.replace(/\s+/g, ' ').trim().replace(/^Quotes Joint Statement .*? Development /, ''))).toEqual([
      '0.3, III.5 or III.21, equally',
      'I.5, II.4 or II.5, equally',
      'III.20 or IV.9, equally',
    ]);
  });

  it('says so on the check page too, and its copied citation names every place', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.workbench.url });
    await open(`/check?q=${encodeURIComponent(REPORT)}`);
    const card = page.locator('article[data-passage-id]').first();
    await card.waitFor();
    expect(await page.locator('article[data-passage-id] h2 .locator').allTextContents()).toEqual([
      '0.3, III.5 or III.21, equally',
      'I.5, II.4 or II.5, equally',
      'III.20 or IV.9, equally',
    ]);
    expect((await card.locator('[data-candidates-card]').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Fits 3 places of the source equally: 0.3, III.5 or III.21. Nothing in its words tells them apart; shown here, and cited, is the first.',
    );
    await card.locator('[data-action="copy-citation"]').click();
    await card.locator('[data-copied]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /, preamble, para\. 3, http:\/\/en\.kremlin\.ru\/supplement\/5770: “in the internal affairs of other states\.” The passage fits 3 places of the source equally \(preamble, para\. 3; sec\. III, para\. 5; sec\. III, para\. 21\): nothing in its words tells which was quoted, and this citation gives the first\.$/,
    );
    await page.screenshot({ path: outputPath('ties-check-1400.png'), fullPage: true });
  });
});
