import { describe, expect, it } from 'vitest';
import { citationText, citationUrl, fetchCitation } from './citation';

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
