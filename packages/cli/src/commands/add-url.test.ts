import type { StoredDocument } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../test-support/page-server.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

/** A news page as sites publish them: the byline and date only in meta tags and JSON-LD. */
const ARTICLE = `<!doctype html><html lang="en"><head>
<title>Moscow and Beijing: no limits | World Desk</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-02-10T08:30:00+00:00">
<meta property="og:site_name" content="World Desk">
<link rel="canonical" href="/2022/02/10/no-limits">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Moscow and Beijing: no limits"}</script>
</head><body><nav>Home · World</nav><article><h1>Moscow and Beijing: no limits</h1>
<p>The statement insists that “friendship between the two States has no limits, there are no ‘forbidden’ areas of cooperation”.</p>
</article></body></html>`;

let store: TempStore;
let pages: PageServer;
const FETCH_PRIVATE = { VERBATIM_FETCH_PRIVATE: '1' };

beforeAll(async () => {
  store = tempStore();
  pages = await startPageServer({ '/world/no-limits?ref=home': ARTICLE, '/plain': '<p>A page without metadata, quoting nothing at all in any way.</p>' });
});
afterAll(async () => {
  await pages.close();
  store.remove();
});

describe('verbatim add <url>', () => {
  it('fetches a news page and stores its article with the byline, date, site and canonical address of its meta tags', () => {
    const result = store.run(['add', `${pages.url}/world/no-limits?ref=home`, '--kind', 'commentary'], { env: FETCH_PRIVATE });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Added "http:\/\/127\.0\.0\.1:\d+\/world\/no-limits\?ref=home" as the commentary moscow-and-beijing-no-limits, version 1\.$/m);
    expect(result.stdout).toContain(`by Jane Doe · World Desk · 2022-02-10 · ${pages.url}/2022/02/10/no-limits`);
    expect(result.stdout).toMatch(/^ {2}joint-statement-2022-02-04 ↔ moscow-and-beijing-no-limits$/m);
    const { document } = store.json<{ document: StoredDocument }>(['show', 'moscow-and-beijing-no-limits', '--format', 'json']);
    expect(document).toMatchObject({
      format: 'html',
      title: 'Moscow and Beijing: no limits',
      author: 'Jane Doe',
      date: '2022-02-10',
      issuer: 'World Desk',
      url: `${pages.url}/2022/02/10/no-limits`,
      language: 'en',
    });
    expect(document.text).not.toContain('Home · World');
  });

  it('keeps the options given over the page’s own metadata, and the fetched address when the page names none', () => {
    const result = store.json<{ document: StoredDocument }>(
      ['add', `${pages.url}/plain`, '--kind', 'commentary', '--title', 'A plain page', '--author', 'Someone', '--format', 'json'],
      { env: FETCH_PRIVATE },
    );
    expect(result.document).toMatchObject({ title: 'A plain page', author: 'Someone', url: `${pages.url}/plain`, date: null });
  });

  it('refuses a loopback address unless VERBATIM_FETCH_PRIVATE=1, and a page that is not there, in one sentence', () => {
    expectRefusal(
      store.run(['add', `${pages.url}/plain`, '--kind', 'commentary']),
      'add',
      1,
      /^verbatim add: 127\.0\.0\.1 is a loopback or private address \(127\.0\.0\.1\); Verbatim fetches pages from the public internet only\.$/m,
    );
    expectRefusal(store.run(['add', `${pages.url}/gone`, '--kind', 'commentary'], { env: FETCH_PRIVATE }), 'add', 1, /answered 404 Not Found, not the page\.$/m);
    expectRefusal(store.run(['add', `${pages.url}/plain`, '--kind', 'commentary', '--input-format', 'pdf'], { env: FETCH_PRIVATE }), 'add', 2, /unknown input format "pdf"/);
  });
});
