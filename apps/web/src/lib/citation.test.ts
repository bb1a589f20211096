import { describe, expect, it } from 'vitest';
import { citationText, citationUrl, commentaryCitation, fetchCitation, longDate } from './citation';

describe('citations from the API', () => {
  it('asks the API for a passage in a format', () => {
    expect(citationUrl('p-cd3819a3ad4e32b4', 'csl-json')).toBe('/api/passages/p-cd3819a3ad4e32b4/citation?format=csl-json');
  });

  it('copies text as served, without the trailing line break, and JSON pretty-printed', () => {
    expect(citationText('The Russian Federation …, sec. IV, para. 5.\n', 'text/plain; charset=utf-8')).toBe('The Russian Federation …, sec. IV, para. 5.');
    expect(citationText('[{"id":"p-1","type":"document"}]', 'application/vnd.citationstyles.csl+json; charset=utf-8')).toBe(
      '[\n  {\n    "id": "p-1",\n    "type": "document"\n  }\n]',
    );
  });

  it('passes on the API’s reason when it refuses', async () => {
    const refusing = (async () =>
      new Response(JSON.stringify({ status: 404, detail: 'There is no passage "p-0".' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      })) as unknown as typeof fetch;
    await expect(fetchCitation('p-0', 'text', refusing)).rejects.toThrow('There is no passage "p-0".');
  });
});

describe('the commentary’s side of a citation', () => {
  const input = {
    commentary: { title: 'Expanding Sino-Russian cooperation', author: 'Not named; the text closes with "The writer is …".', date: '2022-02', url: null },
    words: 'that the new inter-state relations\nbetween Russian and China',
    source: { title: 'Joint Statement', locator: 'IV.5', candidates: [] },
    permalink: 'http://localhost:3000/compare/s/c#passage-p-1',
  };

  it('cites the commentary’s words as it wrote them, with the source’s locator and the permalink', () => {
    expect(commentaryCitation(input)).toBe(
      '“Expanding Sino-Russian cooperation,” February 2022: “that the new inter-state relations between Russian and China” Quoting Joint Statement, IV.5; compared at http://localhost:3000/compare/s/c#passage-p-1',
    );
  });

  it('names every place when the words fit several equally, not the first as if it were the answer', () => {
    const tied = { ...input, words: 'the sides call on the international community to', source: { title: 'Joint Statement', locator: 'I.5', candidates: ['I.5', 'II.4', 'II.5'] } };
    expect(commentaryCitation(tied)).toMatch(/” Quoting Joint Statement, I\.5, II\.4 or II\.5 \(the words fit each equally\); compared at http:/);
  });

  it('names a real author and the URL', () => {
    const named = { ...input, commentary: { ...input.commentary, author: 'A. Writer', date: '2022-02-10', url: 'https://example.org/op-ed' } };
    expect(commentaryCitation(named)).toMatch(/^A\. Writer, “Expanding Sino-Russian cooperation,” February 10, 2022, https:\/\/example\.org\/op-ed: “/);
  });

  it('writes dates out, and leaves odd ones as they are', () => {
    expect(longDate('2022-02-04')).toBe('February 4, 2022');
    expect(longDate('2022')).toBe('2022');
    expect(longDate('2022-13')).toBe('2022-13');
    expect(longDate('spring 2022')).toBe('spring 2022');
  });
});
