import { describe, expect, it } from 'vitest';
import { outputPath } from './support/browser';
import { COMMENTARY_ID, SOURCE_ID } from './support/seed';
import { checkedPages, hydrated, useWorkbench } from './support/session';

/** A commentary that quotes the joint statement twice, and carries markup that must stay text. */
const HOSTILE_COMMENTARY = [
  'A briefing on the February statement',
  'The statement says that “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.',
  'Markup in a document is text: <script>window.__pwned = "script"</script> and <img src=x onerror="window.__pwned = \'onerror\'"> stay as they are.',
  'It adds that “friendship between the two States has no limits, there are no \'forbidden\' areas of cooperation”.',
].join('\n');

describe('the library, adding a document, search', () => {
  const session = useWorkbench();
  const newPage = checkedPages(session, { viewport: { width: 1280, height: 800 } });

  it('lists the seed pair with its eight passages, linking to the comparison', async (test) => {
    const { page } = await newPage(test);
    await page.goto('/');
    const link = page.locator(`a[href="/compare/${SOURCE_ID}/${COMMENTARY_ID}"]`).first();
    expect(await link.textContent()).toContain('8 passages');
    expect(await page.locator(`tr[data-document-id="${SOURCE_ID}"] td`).nth(1).textContent()).toBe('2022-02-04');
    await page.screenshot({ path: outputPath('library.png'), fullPage: true });
    await link.click();
    await page.waitForURL(`**/compare/${SOURCE_ID}/${COMMENTARY_ID}`);
    expect(await page.locator('[data-role="commentary"] [data-passage-id]').count()).toBe(8);
  });

  it('keeps what was typed and says what is wrong, beside the field, when a document is refused', async (test) => {
    const { page } = await newPage(test);
    await page.goto('/add');
    await hydrated(page);
    await page.getByLabel('Title').fill('A title worth keeping');
    await page.getByRole('radio', { name: /^Commentary/ }).check();
    await page.getByLabel('Date').fill('2022-03');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await expect.poll(() => page.locator('#text-error').textContent()).toBe('Paste the document’s text, choose a file, or give the page’s address.');
    expect(await page.getByLabel('Title').inputValue()).toBe('A title worth keeping');
    expect(await page.getByLabel('Date').inputValue()).toBe('2022-03');
    expect(await page.getByRole('radio', { name: /^Commentary/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Text').getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a commentary through the form; it appears in the library and in its comparison, its markup shown as text and never run', async (test) => {
    const { page } = await newPage(test);
    await page.goto('/add');
    await hydrated(page);
    await page.getByRole('radio', { name: /^Commentary/ }).check();
    await page.getByLabel('Title').fill('A briefing <b>on</b> the statement');
    await page.getByLabel('Date').fill('2022-03-01');
    await page.getByLabel('Text').fill(HOSTILE_COMMENTARY);
    await page.getByRole('button', { name: 'Add to the library' }).click();

    await page.waitForURL(/\/documents\/[^?]+\?added=added$/);
    expect(await page.locator('[data-added]').textContent()).toContain('Verbatim linked it with 1 document');
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await page.locator('h1').textContent()).toBe('A briefing <b>on</b> the statement');
    expect(await page.locator('.paragraph', { hasText: 'Markup in a document' }).locator('.text').textContent()).toBe(HOSTILE_COMMENTARY.split('\n')[2]);

    await page.goto('/');
    const row = page.locator(`tr[data-document-id="${id}"]`);
    expect(await row.locator('a.pair').textContent()).toMatch(/Joint Statement.*2 passages/s);

    await row.locator('a.pair').click();
    await page.waitForURL(`**/compare/${SOURCE_ID}/${encodeURIComponent(id)}`);
    await hydrated(page);
    expect(await page.locator('[data-role="commentary"] [data-passage-id]').count()).toBe(2);
    expect(await page.locator('[data-role="commentary"] .text').textContent()).toBe(HOSTILE_COMMENTARY);
    expect(await page.locator('[data-role="commentary"] script, [data-role="commentary"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('adds a document without JavaScript: the form is a plain form', async (test) => {
    const { page } = await newPage(test, { javaScriptEnabled: false });
    await page.goto('/add');
    await page.getByRole('radio', { name: /^Source/ }).check();
    await page.getByLabel('Title').fill('A communiqué added without scripts');
    await page.getByLabel('Text').fill('A communiqué\n\nThe parties met in Geneva and agreed on a timetable for further talks.');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.waitForURL(/\?added=added$/);
    expect(await page.locator('h1').textContent()).toBe('A communiqué added without scripts');
  });

  it('says beside the file that an upload over the limit is too large, keeping what was typed, with JavaScript or without', async (test) => {
    const tooLarge = { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.alloc(7 * 1024 * 1024, 'word ') };
    // The size in the API's words for a document over the limit, beside the file.
    const sized = 'The document is 7.0 MB, over the 5 MB limit for one document.';
    const { context, page } = await newPage(test);
    await page.goto('/add');
    await hydrated(page);
    await page.getByRole('radio', { name: /^Source/ }).check();
    await page.getByLabel('Title').fill('A long upload');
    await page.getByLabel('Or upload a file').setInputFiles(tooLarge);
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await expect.poll(() => page.locator('#file-error').textContent()).toBe(sized);
    expect(await page.getByLabel('Title').inputValue()).toBe('A long upload');
    await context.close();

    // Without JavaScript the server reads the form as it comes, the file only counted past the
    // limit, and gives the form back as it was typed, the same sentence beside the file.
    const plain = await newPage(test, { javaScriptEnabled: false });
    await plain.page.goto('/add');
    await plain.page.getByRole('radio', { name: /^Commentary/ }).check();
    await plain.page.getByLabel('Title').fill('A long upload, without scripts');
    await plain.page.getByLabel('Author').fill('A. Writer');
    await plain.page.getByLabel('Date').fill('2022-02-05');
    await plain.page.getByLabel('Or upload a file').setInputFiles(tooLarge);
    const [plainAnswer] = await Promise.all([
      plain.page.waitForResponse((r) => r.request().method() === 'POST'),
      plain.page.getByRole('button', { name: 'Add to the library' }).click(),
    ]);
    expect(plainAnswer.status()).toBe(413);
    await plain.page.locator('#file-error').waitFor();
    expect(await plain.page.locator('h1').textContent()).toBe('Add a document');
    expect(await plain.page.locator('#file-error').textContent()).toBe(sized);
    expect(await plain.page.getByLabel('Title').inputValue()).toBe('A long upload, without scripts');
    expect(await plain.page.getByLabel('Author').inputValue()).toBe('A. Writer');
    expect(await plain.page.getByLabel('Date').inputValue()).toBe('2022-02-05');
    expect(await plain.page.getByRole('radio', { name: /^Commentary/ }).isChecked()).toBe(true);
    await plain.page.screenshot({ path: outputPath('add-too-large-no-js-1400.png'), fullPage: true });

    // Nothing of it was stored.
    const titles = ((await (await plain.page.request.get('/api/documents')).json()) as Array<{ title: string }>).map((d) => d.title);
    expect(titles.filter((t) => t.startsWith('A long upload'))).toEqual([]);
  });

  it('finds paragraphs with full-text search and links them into their comparison', async (test) => {
    const { page } = await newPage(test);
    await page.goto('/search?q=%22forbidden%22%20areas');
    const hits = page.locator('[data-hit]');
    expect(await hits.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-hit] mark').first().textContent()).toMatch(/forbidden/i);
    const toComparison = page.locator(`[data-hit="${COMMENTARY_ID}"] a[href*="/compare/"]`).first();
    await toComparison.click();
    await page.waitForURL(/#passage-/);
    await hydrated(page);
    const id = new URL(page.url()).hash.replace('#passage-', '');
    await expect.poll(() => page.locator(`[data-role="source"] [data-passage-id="${id}"]`).getAttribute('data-selected')).toBe('true');
  });
});
