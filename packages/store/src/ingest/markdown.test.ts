import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown.js';

/** Each span as the words it covers, so a wrong offset reads as wrong words. */
function emphasized(markdown: string): string[] {
  const { text, emphasis } = markdownToText(markdown);
  return emphasis.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
}

describe('markdownToText', () => {
  it('keeps *…*, _…_ and **…** as offsets that slice back to exactly the emphasized words', () => {
    const source = [
      'The sides call on NATO to *abandon its ideologized cold war approaches*, to respect the',
      '**sovereignty, security and interests** of other countries and the _diversity_ of their',
      'civilizational backgrounds (emphasis added).',
    ].join('\n');
    expect(emphasized(source)).toEqual([
      'emphasis:abandon its ideologized cold war approaches',
      'strong:sovereignty, security and interests',
      'emphasis:diversity',
    ]);
  });

  it('separates paragraphs by blank lines and keeps line breaks inside them', () => {
    const { text } = markdownToText('# Expanding cooperation\n\nFirst line\nsecond line.\n\n\n\nNext paragraph.\n');
    expect(text).toBe('Expanding cooperation\n\nFirst line\nsecond line.\n\nNext paragraph.');
  });

  it('keeps a block quote as its own indented paragraph, with its emphasis exact', () => {
    const { text, emphasis } = markdownToText(
      'They stated:\n\n> Friendship between the two States has *no limits*,\n> there are no "forbidden" areas.\n\nA bold claim.',
    );
    expect(text).toBe(
      'They stated:\n\n    Friendship between the two States has no limits,\n    there are no "forbidden" areas.\n\nA bold claim.',
    );
    expect(emphasis.map((s) => text.slice(s.start, s.end))).toEqual(['no limits']);
  });

  it('keeps the words as written: straight quotes, entities decoded, no typographic rewriting', () => {
    const { text } = markdownToText('He said "no limits" -- twice &amp; more...');
    expect(text).toBe('He said "no limits" -- twice & more...');
  });

  it('reads emphasis written as HTML inside Markdown', () => {
    expect(emphasized('The two sides <em>stand against</em> the formation of <b>closed bloc</b> structures.')).toEqual([
      'emphasis:stand against',
      'strong:closed bloc',
    ]);
  });

  it('keeps nested emphasis as two spans', () => {
    expect(emphasized('***no limits*** at all')).toEqual(['emphasis:no limits', 'strong:no limits']);
  });

  it('turns list items into paragraphs, keeps link text and drops images', () => {
    const { text } = markdownToText('- one [link](http://example.org)\n- two ![a picture](x.png)\n');
    expect(text).toBe('one link\n\ntwo');
  });

  it('keeps code blocks with their spacing', () => {
    const { text } = markdownToText('Before.\n\n```\n  indented  code\n```\n\nAfter.');
    expect(text).toBe('Before.\n\n  indented  code\n\nAfter.');
  });
});
