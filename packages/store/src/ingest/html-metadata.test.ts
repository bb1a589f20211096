import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlMetadata } from './html-metadata.js';

const NEWS = fs.readFileSync(new URL('./fixtures/news-article.html', import.meta.url), 'utf8');

describe('htmlMetadata', () => {
  it('reads a news page’s author, date, title, site and canonical address from its meta tags', () => {
    expect(htmlMetadata(NEWS, { baseUrl: 'https://chronicle.example/print?id=7' })).toEqual({
      title: 'No limits? What the February statement says',
      author: 'Jane Doe',
      date: '2022-02-10',
      url: 'https://chronicle.example/2022/02/10/no-limits',
      site: 'The Daily Chronicle',
      language: 'en-GB',
    });
  });

  it('prefers the JSON-LD article, in a @graph beside its web page, with several authors', () => {
    const html = `<html><head><title>Site | Headline</title>
      <meta property="og:title" content="OG headline">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"The page","url":"https://news.example/page"},
        {"@type":["NewsArticle"],"headline":"The sides oppose enlargement","datePublished":"2022-02-05T10:00:00Z",
         "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],
         "publisher":{"@type":"Organization","name":"News Example"},"url":"https://news.example/a"}]}</script>
      <script type="application/ld+json">{ not json</script>
    </head><body><p>x</p></body></html>`;
    expect(htmlMetadata(html)).toEqual({
      title: 'The sides oppose enlargement',
      author: 'A. Writer, B. Writer',
      date: '2022-02-05',
      url: 'https://news.example/a',
      site: 'News Example',
    });
  });

  it('falls back to <title>, ignores an author that is an address, and a date that is not one', () => {
    const html = `<html><head><title>  A   communiqué </title>
      <meta property="article:author" content="https://facebook.com/someone">
      <meta name="date" content="last Tuesday">
      <link rel="canonical" href="javascript:alert(1)"></head><body><svg><title>icon</title></svg></body></html>`;
    expect(htmlMetadata(html)).toEqual({ title: 'A communiqué' });
  });

  it('says nothing of a page without metadata, and survives deep nesting without recursion', () => {
    expect(htmlMetadata('<p>Just text</p>')).toEqual({});
    expect(htmlMetadata(`${'<div>'.repeat(900)}<meta name="author" content="Deep">`)).toEqual({ author: 'Deep' });
  });
});
