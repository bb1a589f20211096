import type { Store } from '../store.js';
import { STATEMENT_ID } from './corpus.js';

export const READING_ID = 'a-reading';

/**
 * Gives a store (opened with the repository's corpus) something of every kind a copy must
 * carry: a Markdown commentary with emphasis in two versions, each aligned with the statement,
 * the statement's verification statuses (from its corpus file), a deleted document, and an
 * author corrected by hand.
 */
export async function fillVariedCorpus(store: Store): Promise<void> {
  await store.add({
    id: READING_ID,
    format: 'markdown',
    kind: 'commentary',
    text: '# A reading\n\nThe two sides say that “Friendship between the two States has *no limits*, there are no “forbidden” areas of cooperation”.',
  });
  await store.add({
    id: READING_ID,
    format: 'markdown',
    kind: 'commentary',
    text: '# A reading\n\nThe sides say that “Friendship between the two States has **no limits**”, and that they “oppose further enlargement of NATO”.',
  });
  await store.add({ id: 'to-delete', format: 'text', kind: 'commentary', text: 'A note that is deleted again.' });
  await store.delete('to-delete');
  await store.edit(READING_ID, { author: 'A. Curator' });
}

/** What a user can read of a store, through its interface: equal for a faithful copy, on either engine. */
export async function answersOf(store: Store): Promise<unknown> {
  const documents = await store.list();
  const versions = [];
  for (const d of documents) {
    for (const v of await store.versions(d.id)) versions.push(await store.get(d.id, { version: v.version }));
  }
  const alignments = await store.alignments();
  const reports = [];
  const passages = [];
  for (const a of alignments) {
    const report = await store.alignment(a.source.id, a.commentary.id);
    reports.push(report);
    for (const p of report?.passages ?? []) passages.push(await store.passage(p.id));
  }
  return {
    documents,
    versions,
    alignments,
    reports,
    passages,
    alignmentsOfStatement: await store.alignmentsOf(STATEMENT_ID),
    // Which paragraphs are found; excerpts and their order are each engine's own (FTS5, tsvector).
    search: (await store.search('"no limits"')).hits.map((h) => `${h.documentId}@${h.version} ${h.locator} ${h.start}-${h.end}`).sort(),
    candidates: await store.candidates('Friendship between the two States has no limits, there are no "forbidden" areas of cooperation.', { kind: 'source' }),
  };
}
