import type { DocumentVersion, StoredDocument } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignmentView } from '../store/alignment-view.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

interface ShowJson {
  document: StoredDocument;
  versions: DocumentVersion[];
  alignments: AlignmentView[];
}

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim show', () => {
  it('shows the joint statement: metadata, versions, its alignment with the op-ed, paragraphs with locators and verification', () => {
    const result = store.run(['show', 'joint-statement-2022-02-04']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/^joint-statement-2022-02-04$/m);
    expect(text).toMatch(/^Kind +source$/m);
    expect(text).toMatch(/^Date +2022-02-04$/m);
    expect(text).toMatch(/^SHA-256 +f6dd615cc59fc6bdff59022b4e080ef23f3e274e16b5cff026df109f34c0fe34$/m);
    expect(text).toMatch(/^ {2}1 {2}\d{4}-\d{2}-\d{2} {2}sha256 f6dd615cc59f… {2}36,624 characters {2}\(latest, shown here\)$/m);
    expect(text).toMatch(/^ {2}joint-statement-2022-02-04 ↔ op-ed-expanding-sino-russian-cooperation$/m);
    expect(text).toMatch(/^ {2}confirmed in part \(19 paragraphs\): Confirmed in part/m);
    expect(text).toMatch(/^ {2}0\.1 +At the invitation of President of the People's Republic of China/m);
    // IV.5 is confirmed in part; corrected paragraphs carry their own note.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/IV\.5 The sides call for the establishment of a new kind of relationships .*? \[confirmed in part\]/);
    expect(flat).toMatch(/II\.10 .*? \[corrected: "origin of the new coronavirus infection", "coronavirus origin"\.\]/);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('gives scripts the document, its versions and its alignments as JSON', () => {
    const shown = store.json<ShowJson>(['show', 'joint-statement-2022-02-04', '--format', 'json']);
    expect(shown.document).toMatchObject({ id: 'joint-statement-2022-02-04', kind: 'source', version: 1 });
    expect(shown.document.paragraphs.find((p) => p.locator === 'IV.5')).toMatchObject({ verification: 'confirmed-in-part', section: 'IV' });
    expect(shown.versions).toEqual([expect.objectContaining({ version: 1, sha256: shown.document.sha256 })]);
    const [alignment] = shown.alignments;
    expect(alignment).toMatchObject({ source: { id: 'joint-statement-2022-02-04' }, commentary: { id: 'op-ed-expanding-sino-russian-cooperation' } });
    const { verbatim, variant, altered, not_found } = alignment!.statuses;
    expect(verbatim + variant + altered).toBe(alignment!.passages);
    expect(not_found).toBe(alignment!.notFound);
  });

  it('refuses an unknown id in one sentence (exit 1), suggesting a near one', () => {
    expectRefusal(store.run(['show', 'no-such-document']), 'show', 1, /^verbatim show: no document has the id "no-such-document" \(run "verbatim list" to see the ids\)\.$/m);
    expectRefusal(store.run(['show', 'joint-statement-2022-02-05']), 'show', 1, /\(did you mean "joint-statement-2022-02-04"\? run "verbatim list" to see the ids\)\./);
  });

  it('refuses a missing id (exit 2)', () => {
    expectRefusal(store.run(['show']), 'show', 2, /expected 1 document id but got 0; usage: verbatim show <id>/);
  });
});
