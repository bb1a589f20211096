/**
 * A curator's day: searching the corpus, reading a source's verification, adding articles,
 * correcting and deleting documents. Each page is looked at on a phone (390 px) and a
 * desktop (1400 px); screenshots go to test-output/web/curation-*.png.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { outputPath } from './support/browser';
import { SOURCE_ID } from './support/seed';
import { checkedPages, openHydrated, useWorkbench } from './support/session';

const WIDTHS = [390, 1400] as const;

/** A news site's article: its byline, date and site only in meta tags and JSON-LD. */
const ARTICLE = `<!doctype html><html lang="en"><head><title>Drawing a line | World Desk</title>
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2022-02-10T08:30:00Z">
<meta property="og:site_name" content="World Desk">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Moscow and Beijing draw a line on NATO"}</script></head>
<body><nav>Home · World · Opinion</nav><article><h1>Moscow and Beijing draw a line on NATO</h1>
<p>The joint statement is blunt: “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.</p>
</article></body></html>`;

/** Another article, whose byline the curator corrects after reading it into the form. */
const SECOND = `<!doctype html><html lang="en"><head><title>No limits? | World Desk</title>
<meta name="author" content="JOHN ROE"><meta property="article:published_time" content="2022-02-11T06:00:00Z">
<meta property="og:site_name" content="World Desk"><link rel="canonical" href="/2022/02/no-limits">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"No limits, and no forbidden areas"}</script></head>
<body><article><h1>No limits, and no forbidden areas</h1>
<p>The leaders wrote that “Friendship between the two States has no limits, there are no "forbidden" areas of cooperation”.</p>
</article></body></html>`;

describe('curating the corpus', () => {
  const session = useWorkbench({ VERBATIM_FETCH_PRIVATE: '1' });
  const checkedPage = checkedPages(session, {});
  /** A page at a phone's size (390 px) or a desktop's. */
  const newPage = (test: TestContext, width: number) => checkedPage(test, { viewport: { width, height: width < 500 ? 844 : 900 } });
  /** The "web" the curator fetches from: a server on loopback, which the workbench may read because the test says so. */
  let site: http.Server;
  let siteUrl: string;

  beforeAll(async () => {
    site = http.createServer((req, res) => {
      if (req.url === '/2022/02/draw-a-line') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(ARTICLE);
      if (req.url === '/2022/02/no-limits') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(SECOND);
      res.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    site?.close();
  });

  /** Whether the page scrolls sideways: its content is wider than the window. */
  const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  for (const width of WIDTHS) {
    it(`searches a query with an unbalanced quotation mark as plain words, the statement before the op-ed, at ${width} px`, async (test) => {
      const { page } = await newPage(test, width);
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
    });
  }

  it('shows the statement’s verification as the provenance gives it: II.11 confirmed, IV.11 confirmed in part with its note', async (test) => {
    for (const width of WIDTHS) {
      const { context, page } = await newPage(test, width);
      await page.goto(`/documents/${SOURCE_ID}#p-II.11`);
      const status = (locator: string) => page.locator(`[data-locator="${locator}"] .verification`);
      expect(await status('II.11').textContent()).toBe('confirmed');
      expect(await status('IV.10').getAttribute('data-verification')).toBe('confirmed');
      expect(await status('I.2').textContent()).toBe('confirmed in part');
      expect(await status('IV.11').getAttribute('title')).toMatch(/"science, innovation, and technology"/);
      expect(await status('II.1').textContent()).toBe('unchecked');
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: outputPath(`curation-verification-${width}.png`) });
      await context.close();
    }
  });

  it('adds an article by its address: fetched, with the byline, date and site of its meta tags, and aligned', async (test) => {
    const { page } = await newPage(test, 1400);
    page.setDefaultTimeout(10_000);
    await openHydrated(page, '/add');
    expect(await page.locator('#text-hint').textContent()).toMatch(/At most 5 MB/);
    await page.getByRole('radio', { name: /^Commentary/ }).check();
    await page.getByLabel('Or fetch a page by its address').fill(`${siteUrl}/2022/02/draw-a-line`);
    await page.screenshot({ path: outputPath('curation-add-address-1400.png'), fullPage: true });
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.waitForURL(/\/documents\/[^?]+\?added=added$/);
    expect(await page.locator('h1').textContent()).toBe('Moscow and Beijing draw a line on NATO');
    const meta = await page.locator('main').textContent();
    expect(meta).toContain('Jane Doe');
    expect(meta).toContain('2022-02-10');
    expect(meta).toContain('World Desk');
    expect(meta).not.toContain('Home · World · Opinion');
    expect(await page.locator('[data-added]').textContent()).toContain('Verbatim linked it with 1 document');
    await page.screenshot({ path: outputPath('curation-added-from-address-1400.png'), fullPage: true });

    // A page that is not there: the sentence beside the address, and what was typed kept.
    await openHydrated(page, '/add');
    await page.getByRole('radio', { name: /^Commentary/ }).check();
    await page.getByLabel('Title').fill('Kept title');
    await page.getByLabel('Or fetch a page by its address').fill(`${siteUrl}/gone`);
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await expect.poll(() => page.locator('#address-error').textContent()).toBe(`${siteUrl}/gone answered 404 Not Found, not the page.`);
    expect(await page.getByLabel('Title').inputValue()).toBe('Kept title');
    expect(await page.getByLabel('Or fetch a page by its address').inputValue()).toBe(`${siteUrl}/gone`);
  });

  it('reads a page by its address into the form — title, author, date, site and address — for the curator to correct before adding it', async (test) => {
    for (const width of [390, 1400] as const) {
      const { context, page } = await newPage(test, width);
      page.setDefaultTimeout(15_000);
      await openHydrated(page, '/add');
      await page.getByLabel('Or fetch a page by its address').fill(`${siteUrl}/2022/02/no-limits`);
      await page.getByRole('button', { name: 'Read the page' }).click();
      await page.locator('[data-read]').waitFor();
      expect(await page.getByLabel('Title').inputValue()).toBe('No limits, and no forbidden areas');
      expect(await page.getByLabel('Author').inputValue()).toBe('JOHN ROE');
      expect(await page.getByLabel('Date').inputValue()).toBe('2022-02-11');
      expect(await page.getByLabel('Issuer').inputValue()).toBe('World Desk');
      expect(await page.getByLabel('Original address (URL)').inputValue()).toBe(`${siteUrl}/2022/02/no-limits`);
      expect(await page.locator('[data-read] blockquote').textContent()).toMatch(/^The leaders wrote that “Friendship between the two States has no limits/);
      expect(await page.locator('[data-read]').textContent()).toMatch(/Nothing is stored yet\./);
      expect(await scrollsSideways(page)).toBe(false);
      await page.locator('#address').scrollIntoViewIfNeeded();
      await page.screenshot({ path: outputPath(`curation-read-page-${width}.png`), fullPage: width === 1400 });
      expect((await (await fetch(`${session.workbench.url}/api/documents`)).json()).map((d: { title: string }) => d.title)).not.toContain('No limits, and no forbidden areas');
      if (width === 1400) {
        // Corrected, then added: stored as the curator left the fields.
        await page.getByLabel('Author').fill('John Roe');
        await page.getByRole('radio', { name: /^Commentary/ }).check();
        await page.getByRole('button', { name: 'Add to the library' }).click();
        await page.waitForURL(/\/documents\/[^?]+\?added=added$/);
        expect(await page.locator('h1').textContent()).toBe('No limits, and no forbidden areas');
        const meta = await page.locator('dl.meta').textContent();
        expect(meta).toContain('John Roe');
        expect(meta).not.toContain('JOHN ROE');
        expect(meta).toContain('2022-02-11');
        expect(meta).toContain('World Desk');
        expect(await page.locator('[data-added]').textContent()).toContain('Verbatim linked it with 1 document');
      }
      await context.close();
    }
  });

  it('says a 10 MB paste is over the limit beside the text, in the same sentence as a 5.5 MB one, keeping the text and the fields typed', async (test) => {
    const sentences: string[] = [];
    for (const [megabytes, width] of [[5.5, 1400], [10, 390]] as const) {
      const { context, page } = await newPage(test, width);
      page.setDefaultTimeout(30_000);
      await openHydrated(page, '/add');
      // The limit is said before anything is pasted.
      expect(await page.locator('#text-hint').textContent()).toMatch(/At most 5 MB of text/);
      await page.getByRole('radio', { name: /^Commentary/ }).check();
      await page.getByLabel('Title').fill(`A ${megabytes} MB paste`);
      await page.getByLabel('Author').fill('Jane Doe');
      const text = 'the sides oppose further enlargement of NATO '.repeat(Math.ceil((megabytes * 1e6) / 45));
      // Pasted: the text arrives in the box at once, as a paste does.
      await page.getByLabel('Text', { exact: true }).focus();
      await page.keyboard.insertText(text);
      await page.getByRole('button', { name: 'Add to the library' }).click();
      const error = page.locator('#text-error');
      await error.waitFor();
      sentences.push((await error.textContent())!);
      expect(await page.getByLabel('Text', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect((await page.getByLabel('Text', { exact: true }).inputValue()).length).toBe(text.length);
      expect(await page.getByLabel('Title').inputValue()).toBe(`A ${megabytes} MB paste`);
      expect(await page.getByLabel('Author').inputValue()).toBe('Jane Doe');
      expect(await page.getByRole('radio', { name: /^Commentary/ }).isChecked()).toBe(true);
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await page.locator('#text').evaluate((el) => {
        el.scrollTop = 0;
        el.scrollIntoView({ block: 'center' });
      });
      await page.screenshot({ path: outputPath(`curation-too-large-${megabytes}mb-${width}.png`) });
      await context.close();
    }
    // Both are refused by the add form's reader, the 10 MB one only counted past 6 MB (the
    // page keeps its text): the reader cannot tell, and reads the same sentence with its own size.
    expect(sentences).toEqual([
      'The document is 5.2 MB, over the 5 MB limit for one document.',
      'The document is 9.5 MB, over the 5 MB limit for one document.',
    ]);
    expect(await (await fetch(`${session.workbench.url}/api/documents`)).json()).not.toContainEqual(expect.objectContaining({ title: expect.stringMatching(/MB paste/) }));
    // 15.5 MB typed into two pages: 40–50 s on a machine at load 24, too near the 60 s every test gets.
  }, 120_000);

  it('never scrolls sideways whatever is stored: a 500-character unbreakable title on the library, its page and search, at 390 and 1400 px', async (test) => {
    const title = `Unbreakable${'x'.repeat(489)}`;
    const res = await fetch(`${session.workbench.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'commentary', title, text: `Supercalifragilistic${'o'.repeat(2000)} and the sides oppose further enlargement of NATO.` }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    for (const width of WIDTHS) {
      const { context, page } = await newPage(test, width);
      for (const path of ['/', `/documents/${encodeURIComponent(id)}`, '/search?q=Supercalifragilistic*']) {
        await page.goto(path);
        expect(await scrollsSideways(page), `${path} at ${width} px`).toBe(false);
        // The full title is in the page, not cut away.
        expect(await page.locator('main').textContent()).toContain(title);
      }
      await page.goto('/');
      await page.screenshot({ path: outputPath(`curation-long-title-library-${width}.png`), fullPage: true });
      await context.close();
    }
  });

  it('corrects a document’s metadata from its page: the fields changed saved, a refusal said beside its field with what was typed kept', async (test) => {
    const res = await fetch(`${session.workbench.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'commentary',
        title: 'Drawing a line | World Desk',
        author: 'By J. Doe',
        issuer: 'Home',
        text: 'Drawing a line\n\nThe statement says that “the sides oppose further enlargement of NATO”.',
      }),
    });
    const { id, version } = (await res.json()) as { id: string; version: number };
    for (const width of WIDTHS) {
      const { context, page } = await newPage(test, width);
      await page.goto(`/documents/${encodeURIComponent(id)}`);
      await page.getByText('Correct the metadata').click();
      expect(await page.getByLabel('Title').inputValue()).toBe(width === 390 ? 'Drawing a line | World Desk' : 'Moscow and Beijing draw a line');
      if (width === 390) {
        // A refusal first: the sentence beside the field, and everything typed still there.
        await page.getByLabel('Title').fill('Moscow and Beijing draw a line');
        await page.getByLabel('Author').fill('x'.repeat(501));
        await page.getByRole('button', { name: 'Save the metadata' }).click();
        await page.locator('#edit-author-error').waitFor();
        expect(await page.locator('#edit-author-error').textContent()).toBe('The field "author" must be at most 500 characters long.');
        expect(await page.getByLabel('Author').getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByLabel('Title').inputValue()).toBe('Moscow and Beijing draw a line');
        expect(await scrollsSideways(page)).toBe(false);
        await page.locator('#edit').screenshot({ path: outputPath('curation-edit-refused-390.png') });
        expect((await (await fetch(`${session.workbench.url}/api/documents/${encodeURIComponent(id)}`)).json()).title).toBe('Drawing a line | World Desk');

        // The provenance is a field of several lines, its refusal said beside it as the others' are.
        const provenance = page.getByLabel('Provenance');
        expect(await provenance.evaluate((e) => e.tagName)).toBe('TEXTAREA');
        expect(await page.locator(`#${await provenance.getAttribute('aria-describedby')}`).textContent()).toBe('Where the text comes from, and how it was checked.');
        await page.getByLabel('Author').fill('Jane Doe');
        await provenance.fill('p'.repeat(5001));
        await page.getByRole('button', { name: 'Save the metadata' }).click();
        await page.locator('#edit-provenance-error').waitFor();
        expect(await page.locator('#edit-provenance-error').textContent()).toBe('The field "provenance" must be at most 5000 characters long.');
        expect(await page.getByLabel('Provenance').getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByLabel('Provenance').getAttribute('aria-describedby')).toBe('edit-provenance-error');
        expect((await page.getByLabel('Provenance').inputValue()).length).toBe(5001);
        await page.getByLabel('Provenance').fill('From World Desk’s site.\nChecked against the print edition.');

        await page.getByLabel('Author').fill('Jane Doe');
        await page.getByLabel('Date').fill('2022-02-10');
        await page.getByLabel('Issuer').fill('');
        await page.getByRole('button', { name: 'Save the metadata' }).click();
        await page.waitForURL(/\?edited=/);
        expect(await page.locator('[data-edited]').textContent()).toMatch(/Saved: the title, date, author, issuer and provenance of this document were corrected\./);
        expect(await page.locator('h1').textContent()).toBe('Moscow and Beijing draw a line');
        const meta = await page.locator('dl.meta').textContent();
        expect(meta).toContain('Jane Doe');
        expect(meta).toContain('2022-02-10');
        expect(meta).not.toContain('Issuer');
        await page.screenshot({ path: outputPath('curation-edited-390.png'), fullPage: true });
      } else {
        // Saved as it was: nothing changed, and said so.
        await page.getByRole('button', { name: 'Save the metadata' }).click();
        await page.waitForURL(/\?edited=none/);
        expect(await page.locator('[data-edited]').textContent()).toMatch(/Nothing was changed/);
        await page.getByText('Correct the metadata').click();
        expect(await scrollsSideways(page)).toBe(false);
        await page.screenshot({ path: outputPath('curation-edit-1400.png'), fullPage: true });
      }
      await context.close();
    }
    // The library lists it by its new title; the text is the same version.
    const stored = (await (await fetch(`${session.workbench.url}/api/documents/${encodeURIComponent(id)}`)).json()) as { title: string; version: number; author: string; issuer: string | null; provenance: string };
    expect(stored).toMatchObject({ title: 'Moscow and Beijing draw a line', version, author: 'Jane Doe', issuer: null, provenance: 'From World Desk’s site.\nChecked against the print edition.' });
    // Its comparison, made before the edit, names it by its new title, and so does the report it downloads.
    const { page } = await newPage(test, 1400);
    await openHydrated(page, `/compare/${SOURCE_ID}/${encodeURIComponent(id)}`);
    expect(await page.locator('h1').textContent()).toBe('Moscow and Beijing draw a line');
    await page.locator('[data-action="download"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="report"]').click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { commentary: { title: string } };
    expect(report.commentary.title).toBe('Moscow and Beijing draw a line');
  });

  it('deletes a document from its page, after a confirmation naming its versions and alignments', async (test) => {
    const res = await fetch(`${session.workbench.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'commentary', title: 'A note to delete', text: 'A note to delete\n\nThe statement says that “the sides oppose further enlargement of NATO”.' }),
    });
    const { id } = (await res.json()) as { id: string };
    const { page } = await newPage(test, 390);
    await page.goto(`/documents/${encodeURIComponent(id)}`);
    expect(await page.locator('[data-deletes]').textContent()).toMatch(/removes\s+A note to delete, its one version\s+and its alignment with other documents\s+\(Joint Statement/);
    await page.screenshot({ path: outputPath('curation-delete-390.png'), fullPage: true });
    // Not confirmed: the browser keeps the form from going.
    await page.getByRole('button', { name: 'Delete the document' }).click();
    expect(page.url()).toContain(`/documents/`);
    await page.getByLabel(/Yes, delete the document/).check();
    await page.getByRole('button', { name: 'Delete the document' }).click();
    await page.waitForURL(/\/\?deleted=/);
    expect(await page.locator(`tr[data-document-id="${id}"]`).count()).toBe(0);
    expect((await fetch(`${session.workbench.url}/api/documents/${encodeURIComponent(id)}`)).status).toBe(404);
  });
});
