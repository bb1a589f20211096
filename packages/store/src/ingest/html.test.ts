import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { markdownToText } from './markdown.js';
import { htmlToText, MAX_HTML_DEPTH } from './html.js';

const SAVED_PAGE = `<!doctype html>
<html>
<head><title>Expanding Sino-Russian cooperation</title><style>p { color: red }</style>
<script>window.tracking = "Friendship between the two States";</script></head>
<body>
  <nav><a href="/">Home</a> | <a href="/opinion">Opinion</a></nav>
  <header><p>Subscribe now</p></header>
  <article>
    <h1>Expanding   Sino-Russian
       cooperation</h1>
    <p>The joint statement says the two sides <em>oppose further enlargement of NATO</em>
       and call on the North Atlantic Alliance to <i>abandon its ideologized cold war approaches</i>.</p>
    <blockquote><p>Friendship between the two States has <strong>no limits</strong>,
       there are no &ldquo;forbidden&rdquo; areas of cooperation.</p></blockquote>
    <p>Line one<br>line two with <b>bold</b>&nbsp;text.</p>
    <script>alert("not text")</script>
  </article>
  <aside><article><p>Related: a short teaser.</p></article></aside>
  <footer>© The newspaper</footer>
</body>
</html>`;

describe('htmlToText', () => {
  it('takes the article of a saved web page, without scripts, styles and navigation', () => {
    const { text } = htmlToText(SAVED_PAGE);
    expect(text).toBe(
      [
        'Expanding Sino-Russian cooperation',
        'The joint statement says the two sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.',
        '    Friendship between the two States has no limits, there are no “forbidden” areas of cooperation.',
        'Line one\nline two with bold\u00a0text.',
      ].join('\n\n'),
    );
  });

  it('keeps <em>, <i>, <strong> and <b> as offsets that slice back to exactly the emphasized words', () => {
    const { text, emphasis } = htmlToText(SAVED_PAGE);
    expect(emphasis.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`)).toEqual([
      'emphasis:oppose further enlargement of NATO',
      'emphasis:abandon its ideologized cold war approaches',
      'strong:no limits',
      'strong:bold',
    ]);
  });

  it('falls back to <main>, then to <body>', () => {
    expect(htmlToText('<body><nav>Menu</nav><main><p>Main text.</p></main><p>Other.</p></body>').text).toBe('Main text.');
    expect(htmlToText('<p>First.</p><p>Second <em>word</em>.</p>').text).toBe('First.\n\nSecond word.');
  });

  it('does not let emphasis swallow the space before it or leak past a missing closing tag', () => {
    const { text, emphasis } = htmlToText('<p>a <em> spaced words </em> b <i>open to the end</p>');
    expect(text).toBe('a spaced words b open to the end');
    expect(emphasis.map((s) => text.slice(s.start, s.end))).toEqual(['spaced words', 'open to the end']);
  });

  it('skips hidden elements and keeps preformatted text as it is', () => {
    const { text } = htmlToText('<p hidden>secret</p><p aria-hidden="true">icon</p><pre>  a\n    b</pre>');
    expect(text).toBe('  a\n    b');
  });

  it('refuses 50,000 nested elements in one sentence, quickly, instead of overflowing the stack', () => {
    const nested = (tag: string, n: number) => `${`<${tag}>`.repeat(n)}deep${`</${tag}>`.repeat(n)}`;
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(StoreError);
        return `${(error as StoreError).code}: ${(error as StoreError).message}`;
      }
      return 'accepted';
    };
    const sentence = `invalid: The HTML nests elements more than 1,000 levels deep, far deeper than any page a reader sees; add the page as it is saved by a browser, or its text.`;
    expect(refusal(() => htmlToText(nested('div', 50_000)))).toBe(sentence);
    expect(refusal(() => htmlToText(nested('b', 50_000)))).toBe(sentence);
    expect(refusal(() => htmlToText(nested('template', 50_000)))).toBe(sentence);
    // Raw HTML inside Markdown goes through the same parser.
    expect(refusal(() => markdownToText(`A note.\n\n${nested('div', 50_000)}\n`))).toBe(sentence);
    // Deep, but within the bound: read as usual.
    expect(htmlToText(nested('div', MAX_HTML_DEPTH - 10)).text).toBe('deep');
  });
});
