import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { DOCUMENT_ORDERS, MAX_LIST_LIMIT, pageQuery } from './list-page.js';
import { openStore, type Store } from './store.js';
import { tempDbPath } from './test-support/temp.js';
import { freshDatabaseUrl } from './test-support/postgres.js';
import { describeEachEngine } from './test-support/engines.js';
import { opEdText, OP_ED_ID, statementText, STATEMENT_ID } from './test-support/corpus.js';
import { inOrder, library } from './test-support/library-order.js';
import type { DocumentListOptions, DocumentSummary, ListPosition } from './types.js';

/** Every page of a listing, each checked against the limit, and the documents in the order met. */
async function walk(store: Store, options: DocumentListOptions & { limit: number }) {
  const documents: DocumentSummary[] = [];
  const totals = new Set<number>();
  let after: ListPosition | null | undefined;
  let pages = 0;
  do {
    const page = await store.listPage({ ...options, ...(after ? { after } : {}) });
    expect(page.documents.length).toBeLessThanOrEqual(options.limit);
    if (page.next) expect(page.documents).toHaveLength(options.limit);
    documents.push(...page.documents);
    totals.add(page.total);
    after = page.next;
    pages += 1;
  } while (after);
  return { documents, pages, totals: [...totals] };
}

describeEachEngine('store.listPage', (engine) => {
  it('gives the library a page at a time in either order, each document once, the pages together the whole library in the order promised', async () => {
    const store = await engine.open();
    await store.addBatch(library());
    const all = await store.list();
    expect(all).toHaveLength(31);
    for (const order of ['date', '-date'] as const) {
      const { documents, pages, totals } = await walk(store, { order, limit: 4 });
      expect(pages).toBe(8);
      expect(totals).toEqual([31]);
      expect(documents.map((d) => d.id)).toEqual([...all].sort(inOrder(order)).map((d) => d.id));
    }
    // `list` is the order `date` whole.
    expect(all.map((d) => d.id)).toEqual([...all].sort(inOrder('date')).map((d) => d.id));
    await store.close();
  });

  it('lists one kind when asked, counting that kind only', async () => {
    const store = await engine.open();
    await store.addBatch(library());
    const { documents, totals } = await walk(store, { kind: 'commentary', order: '-date', limit: 3 });
    expect(documents.map((d) => d.id)).toEqual((await store.list()).filter((d) => d.kind === 'commentary').sort(inOrder('-date')).map((d) => d.id));
    expect(documents).toHaveLength(11);
    expect(totals).toEqual([11]);
    await store.close();
  });

  it('neither repeats nor skips a document when others are added or deleted before where the next page starts', async () => {
    const store = await engine.open();
    await store.addBatch(library());
    const first = await store.listPage({ limit: 10 });
    const rest = (await store.list()).slice(10).map((d) => d.id);
    // Before the next page's start in the order: an offset would shift the pages after it.
    await store.add({ id: 'aaa-early', kind: 'source', title: 'Accord', date: '1990-01-01', format: 'text', text: 'Accord\n\nAn early text that sorts first among the sources.' });
    expect(await store.delete(first.documents[3]!.id)).toBe(true);
    const { documents } = await walk(store, { limit: 10, after: first.next! });
    expect(documents.map((d) => d.id)).toEqual(rest);
    await store.close();
  });

  it('says of each document on a page what `get` says: its latest version, its versions, alignments and passages', async () => {
    const store = await engine.open();
    await store.add({ id: STATEMENT_ID, kind: 'source', format: 'text', text: statementText(), date: '2022-02-04' });
    await store.add({ id: STATEMENT_ID, kind: 'source', format: 'text', text: statementText().replace('has no limits', 'has few limits'), date: '2022-02-04' });
    await store.add({ id: OP_ED_ID, kind: 'commentary', format: 'text', text: opEdText() });
    const page = await store.listPage({ limit: 1 });
    expect(page.documents.map((d) => d.id)).toEqual([STATEMENT_ID]);
    const second = await store.listPage({ limit: 1, after: page.next! });
    expect(second.next).toBeNull();
    for (const listed of [...page.documents, ...second.documents]) {
      const { text: _text, provenance: _p, meta: _m, paragraphs: _ps, emphasis: _e, ...summary } = (await store.get(listed.id))!;
      expect(listed).toEqual(summary);
    }
    expect(page.documents[0]).toMatchObject({ version: 2, versions: 2, alignments: 1 });
    expect(page.documents[0]!.passages).toBeGreaterThan(0);
    await store.close();
  });

  it('counts the listing as the library changes — new documents, new versions, deletions, a reopened corpus — as a count of every document would', async () => {
    const place = await engine.place();
    let store = await openStore(place);
    const totals = async () => [(await store.listPage({ limit: 1 })).total, (await store.listPage({ kind: 'source', limit: 1 })).total, (await store.listPage({ kind: 'commentary', limit: 1 })).total];
    const counted = async () => {
      const all = await store.list();
      return [all.length, all.filter((d) => d.kind === 'source').length, all.filter((d) => d.kind === 'commentary').length];
    };
    await store.addBatch(library());
    expect(await totals()).toEqual([31, 20, 11]);
    // A second version counts once; the same text again not at all.
    await store.add({ id: 'doc-01', kind: 'source', format: 'text', text: 'Zeta number 1, revised\n\nThe parties met again.' });
    await store.add({ id: 'doc-01', kind: 'source', format: 'text', text: 'Zeta number 1, revised\n\nThe parties met again.' });
    await store.add({ id: 'doc-03', kind: 'commentary', format: 'text', text: 'Été number 3, revised\n\nThe parties met again.' });
    expect(await totals()).toEqual([31, 20, 11]);
    // A new version of another kind moves its document from one count to the other.
    await store.add({ id: 'doc-04', kind: 'commentary', format: 'text', text: 'Communiqué number 4, read again\n\nThe parties met again.' });
    expect(await totals()).toEqual([31, 19, 12]);
    // A document of two versions deleted counts out once; others of either kind too.
    expect(await store.delete('doc-01')).toBe(true);
    expect(await store.delete('doc-03')).toBe(true);
    expect(await store.delete('doc-02')).toBe(true);
    expect(await store.delete('doc-02')).toBe(false);
    expect(await totals()).toEqual([28, 17, 11]);
    await store.add({ id: 'doc-new', kind: 'commentary', format: 'text', text: 'A new reading\n\nOf nothing in particular.' });
    expect(await totals()).toEqual(await counted());
    await store.close();
    store = await openStore(place);
    expect(await totals()).toEqual([29, 17, 12]);
    expect(await totals()).toEqual(await counted());
    await store.close();
  });

  it('refuses a limit of none, of more than it holds, or not a whole number', async () => {
    const store = await engine.open();
    for (const limit of [0, MAX_LIST_LIMIT + 1, 2.5, -1]) {
      await expect(store.listPage({ limit })).rejects.toThrow(new StoreError('invalid', `A page holds from 1 to ${MAX_LIST_LIMIT} documents, not ${limit}.`));
    }
    expect(await store.listPage()).toEqual({ documents: [], next: null, total: 0 });
    await store.close();
  });
});

describe('a page on SQLite', () => {
  it('is read from the library’s index in each order and kind, not by sorting every document', async () => {
    const file = tempDbPath();
    await (await openStore({ path: file })).close();
    const db = new Database(file, { readonly: true });
    try {
      const after = { kind: 'source' as const, date: '2022-02-04', title: 'Joint Statement', id: 'x' };
      for (const order of DOCUMENT_ORDERS) {
        for (const options of [{}, { kind: 'commentary' as const }, { after }, { kind: 'source' as const, after }]) {
          const q = pageQuery({ order, ...options }, { collate: '', placeholder: () => '?' });
          const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT vid FROM latest_documents ${q.where} ${q.orderBy} LIMIT ?`).all(...q.params, 101) as Array<{ detail: string }>)
            .map((r) => r.detail)
            .join(' | ');
          expect(plan, `${order} ${JSON.stringify(options)}`).toMatch(order === 'date' ? /COVERING INDEX documents_by_date\b/ : /COVERING INDEX documents_by_date_desc\b/);
          expect(plan, `${order} ${JSON.stringify(options)}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    } finally {
      db.close();
    }
  });
});

describe('a page on PostgreSQL', () => {
  it('can be read from the library’s index in each order and kind, with no sort of the documents', async () => {
    const databaseUrl = await freshDatabaseUrl();
    await (await openStore({ path: '', databaseUrl })).close();
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // An empty table is read fastest whole; what is asked is whether the index gives the
      // order at all — its expressions those of the query — so the planner is told not to
      // scan the table or sort, which it does anyway when no index gives the order.
      await db.query('BEGIN');
      await db.query('SET LOCAL enable_seqscan = off');
      await db.query('SET LOCAL enable_sort = off');
      const after = { kind: 'source' as const, date: '2022-02-04', title: 'Joint Statement', id: 'x' };
      for (const order of DOCUMENT_ORDERS) {
        for (const options of [{}, { kind: 'commentary' as const }, { after }, { kind: 'source' as const, after }]) {
          const q = pageQuery({ order, ...options }, { collate: ' COLLATE "C"', placeholder: (n) => `$${n}` });
          const { rows } = await db.query(`EXPLAIN SELECT vid FROM latest_documents ${q.where} ${q.orderBy} LIMIT $${q.params.length + 1}`, [...q.params, 101]);
          const plan = rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
          expect(plan, `${order} ${JSON.stringify(options)}`).toMatch(order === 'date' ? /documents_by_date on documents/ : /documents_by_date_desc on documents/);
          expect(plan, `${order} ${JSON.stringify(options)}`).not.toMatch(/Sort/);
        }
      }
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
  });
});

describe('pageQuery', () => {
  it('writes the position as parameters, never into the SQL', () => {
    const after = { kind: 'source' as const, date: "2022'; DROP TABLE documents; --", title: "O'Brien", id: 'x' };
    const query = pageQuery({ kind: 'source', order: '-date', after }, { collate: '', placeholder: () => '?' });
    expect(query.where).not.toContain('DROP');
    expect(query.where).not.toContain("O'Brien");
    expect(query.params).toContain("O'Brien");
    expect(query.where.split('?').length - 1).toBe(query.params.length);
  });
});
