import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AlignmentReport } from '@verbatim/store';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, outputPath, repositoryPath } from './support/browser';
import { newCheckedPage } from './support/checked-page';
import { SOURCE_ID } from './support/seed';
import { openHydrated } from './support/session';
import { startWorkbench, type Workbench } from './support/workbench';

// One verdict in every door: the op-ed saved as a web page (a <title> and an <h1> with the
// headline, three stretches in <em>) aligned with the joint statement by `verbatim align`,
// added through the API, and uploaded through the page, gives the same report three times.
const HTML = repositoryPath('fixtures', 'op-ed-with-italics.html');
const STATEMENT = repositoryPath('corpus', 'joint-statement-2022-02-04.en.txt');
const CLI = repositoryPath('packages', 'cli', 'bin', 'verbatim.js');

/** What a report found, without the names its door gave the documents. */
const findings = (r: AlignmentReport) => ({
  source: r.source.sha256,
  commentary: { sha256: r.commentary.sha256, length: r.commentary.length },
  passages: r.passages,
  omissions: r.omissions,
  coverage: r.coverage,
});

describe('the same HTML through the CLI, the API and the page', () => {
  // Two servers, so that the API and the page each add the file to a library without it.
  let api: Workbench;
  let web: Workbench;
  let browser: Browser;

  beforeAll(async () => {
    [api, web, browser] = await Promise.all([startWorkbench(), startWorkbench(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.close(), web?.close()]);
  });

  it('gives one report: the CLI’s, the API’s, and the one the comparison page downloads', async (test) => {
    const cli = spawnSync(process.execPath, [CLI, 'align', STATEMENT, HTML, '--format', 'json'], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as AlignmentReport;
    // The page's italics are known to the engine, so the emphasized words are too.
    expect(fromCli.passages.flatMap((p) => p.marks).filter((m) => 'emphasized' in m && m.emphasized)).toHaveLength(3);

    const posted = await fetch(`${api.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: api.url },
      body: JSON.stringify({ text: readFileSync(HTML, 'utf8'), format: 'html', kind: 'commentary', title: 'Expanding Sino-Russian cooperation' }),
    });
    expect(posted.status).toBe(201);
    const { id: apiId } = (await posted.json()) as { id: string };
    const fromApi = (await (await fetch(`${api.url}/api/alignments/${SOURCE_ID}/${apiId}`)).json()) as AlignmentReport;
    expect(findings(fromApi)).toEqual(findings(fromCli));

    const { page } = await newCheckedPage(browser, test, { baseURL: web.url, viewport: { width: 1400, height: 900 } });
    await openHydrated(page, '/add');
    await page.getByRole('radio', { name: /^Commentary/ }).check();
    await page.locator('input[type="file"][name="file"]').setInputFiles(HTML);
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.waitForURL(/\/documents\/[^?]+\?added=added$/);
    const pageId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await openHydrated(page, `/compare/${SOURCE_ID}/${encodeURIComponent(pageId)}`);
    // The headline once, as the page's text: no tag is a word of the commentary.
    const column = (await page.locator('[data-role="commentary"] .text').textContent())!;
    expect(column).not.toMatch(/<\/?(?:p|em|h1|title|script)\b/);
    expect(column.match(/Expanding Sino-Russian cooperation/g)).toHaveLength(1);
    // (One of them crosses a spelling variant, which splits it in two around that word.)
    expect((await page.locator('[data-role="commentary"] [data-emphasized]').allTextContents()).join('')).toBe(
      [
        'to respect the sovereignty, security and interests of other countries',
        'democracy is a universal human value',
        'to monopolise the right to assess the level of compliance with democratic criteria',
      ].join(''),
    );
    await page.locator('[data-action="download"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="report"]').click()]);
    const fromPage = JSON.parse(readFileSync((await download.path())!, 'utf8')) as AlignmentReport;
    expect(findings(fromPage)).toEqual(findings(fromCli));
    await page.screenshot({ path: outputPath('doors-html-upload.png') });
  });
});
