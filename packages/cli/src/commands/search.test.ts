import type { SearchHit } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim search', () => {
  it('finds "no limits" in paragraph IV.5 of the joint statement and in the op-ed', () => {
    const result = store.run(['search', 'no limits']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+ paragraphs match "no limits", sources first$/m);
    // The statement's own paragraph comes before the op-ed's that quote it.
    expect(result.stdout.indexOf('joint-statement-2022-02-04 IV.5')).toBeLessThan(result.stdout.indexOf('op-ed-expanding'));
    expect(result.stdout).toMatch(/^joint-statement-2022-02-04 IV\.5 · Joint Statement of the Russian Federation/m);
    expect(result.stdout).toMatch(/^op-ed-expanding-sino-russian-cooperation ¶\d+ · Expanding Sino-Russian cooperation$/m);
    // Not a terminal: no colour codes, the matched words between guillemets.
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout).toContain('Friendship between the two States has «no limits»');
    expect(result.stdout).toContain('Friendship between the two states has «no limits»');
    for (const line of result.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('gives scripts the hits as JSON: document, locator, snippet, excerpt with highlight offsets', () => {
    const hits = store.json<SearchHit[]>(['search', '"no limits"', '--format', 'json']);
    const statement = hits.find((h) => h.documentId === 'joint-statement-2022-02-04');
    expect(statement).toMatchObject({ locator: 'IV.5', kind: 'source' });
    expect(hits.some((h) => h.documentId === 'op-ed-expanding-sino-russian-cooperation')).toBe(true);
    const { text, highlights } = statement!.excerpt;
    expect(highlights.map((h) => text.slice(h.start, h.end))).toContain('no limits');
  });

  it('joins several arguments into one query and honours --limit', () => {
    const hits = store.json<SearchHit[]>(['search', 'no', 'limits', '--limit', '1', '--format', 'json']);
    expect(hits).toHaveLength(1);
    expect(store.run(['search', 'no', '--limit', '1']).stdout).toMatch(/^The first 1 paragraphs that match "no" \(--limit shows more\)$/m);
  });

  it('says when nothing matches, and exits 0', () => {
    const result = store.run(['search', 'zeppelin']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('No paragraph matches "zeppelin".\n');
  });

  it('searches a query that is not valid FTS5 syntax as its plain words, says so, and exits 0', () => {
    const result = store.run(['search', '"no limits']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^"\\"no limits" is not valid search syntax, so the words no limits were searched for instead\.\n\d+ paragraphs match/);
    expect(result.stdout).toMatch(/^joint-statement-2022-02-04 IV\.5 · /m);
    const hits = store.json<SearchHit[]>(['search', '(no limits', '--format', 'json']);
    expect(hits[0]).toMatchObject({ documentId: 'joint-statement-2022-02-04', locator: 'IV.5' });
    expect(store.run(['search', '"(']).stdout).toBe('"\\"(" is not valid search syntax, so there are no words to search for.\nNo paragraph matches "\\"(".\n');
  });

  it('refuses a missing query or a bad --limit, exit 2', () => {
    expectRefusal(store.run(['search']), 'search', 2, /give something to search for; usage: verbatim search <query>/);
    expectRefusal(store.run(['search', '  ']), 'search', 2, /give something to search for/);
    for (const limit of ['0', 'ten', '1.5', '1001']) {
      expectRefusal(store.run(['search', 'NATO', '--limit', limit]), 'search', 2, new RegExp(`--limit takes a whole number from 1 to 1000, not "${limit.replace('.', '\\.')}"\\.`));
    }
  });
});
