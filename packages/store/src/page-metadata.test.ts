import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { CORPUS_DIR } from './test-support/corpus.js';

const NEWS = fs.readFileSync(new URL('./ingest/fixtures/news-article.html', import.meta.url), 'utf8');

describeEachEngine('adding a saved web page', (engine) => {
  it('stores it with the author, date, title, site and address its meta tags give, and aligns it', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const added = await store.add({ text: NEWS, format: 'html', kind: 'commentary', pageUrl: 'https://chronicle.example/print?id=7' });
    expect(added).toMatchObject({
      title: 'No limits? What the February statement says',
      author: 'Jane Doe',
      date: '2022-02-10',
      issuer: 'The Daily Chronicle',
      url: 'https://chronicle.example/2022/02/10/no-limits',
      language: 'en-GB',
    });
    expect((await store.alignmentsOf(added.id)).map((a) => a.source.id)).toEqual(['joint-statement-2022-02-04']);
    await store.close();
  });

  it('keeps what the curator typed over what the page says', async () => {
    const store = await engine.open();
    const added = await store.add({ text: NEWS, format: 'html', kind: 'commentary', title: 'My title', author: 'J. Doe', date: '2022-02' });
    expect(added).toMatchObject({ title: 'My title', author: 'J. Doe', date: '2022-02', url: null });
    await store.close();
  });
});
