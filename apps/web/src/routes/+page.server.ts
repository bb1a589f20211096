import type { AlignmentSummary, DocumentSummary, Link as Alignment } from '@verbatim/api';
import type { Page } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export interface Link {
  sourceId: string;
  sourceTitle: string;
  commentaryId: string;
  commentaryTitle: string;
  passages: number;
  notFound: number;
  coverage: AlignmentSummary['coverage'];
}

/** Documents of each kind a page of the library shows. */
const LIBRARY_PAGE = 50;

/** The two tables, each a page at a time; the address says where each one's page starts. */
const TABLES = { sources: 'source', commentaries: 'commentary' } as const;
type Table = keyof typeof TABLES;

export const load: PageServerLoad = async ({ locals, url }) => {
  const cursors = { sources: url.searchParams.get('sources'), commentaries: url.searchParams.get('commentaries') };
  // Newest first, through the API's paged list: a corpus of any size costs a page.
  const pageOf = (table: Table) =>
    locals.api.page<DocumentSummary>(
      `/api/documents?kind=${TABLES[table]}&sort=-date&limit=${LIBRARY_PAGE}${cursors[table] ? `&cursor=${encodeURIComponent(cursors[table])}` : ''}`,
    );
  const [sources, commentaries] = await Promise.all([pageOf('sources'), pageOf('commentaries')]);
  const shown = [...commentaries.items, ...sources.items];
  const alignments = shown.length === 0 ? [] : await locals.api.get<Alignment[]>(`/api/alignments?documents=${shown.map((d) => d.id).join(',')}`);
  // The links in the order of the commentaries' table (newest first), then of the sources'.
  const rank = new Map(shown.map((d, i) => [d.id, i]));
  const links: Link[] = alignments
    .map((a) => ({
      sourceId: a.source.id,
      sourceTitle: a.source.title,
      commentaryId: a.commentary.id,
      commentaryTitle: a.commentary.title,
      passages: a.passages,
      notFound: a.notFound,
      coverage: a.coverage,
    }))
    .sort((x, y) => (rank.get(x.commentaryId) ?? shown.length) - (rank.get(y.commentaryId) ?? shown.length) || (rank.get(x.sourceId) ?? 0) - (rank.get(y.sourceId) ?? 0));

  /** The library's address with one table's page moved, the other's kept where it is. */
  const href = (table: Table, cursor: string | null) => {
    const params = new URLSearchParams();
    for (const t of Object.keys(TABLES) as Table[]) {
      const at = t === table ? cursor : cursors[t];
      if (at) params.set(t, at);
    }
    const query = params.toString();
    return `/${query ? `?${query}` : ''}#${table}`;
  };
  const table = (name: Table, page: Page<DocumentSummary>) => ({
    documents: page.items.map(summary),
    total: page.total,
    /** Whether this page is the table's first. */
    first: cursors[name] === null,
    next: page.next === null ? null : href(name, page.next),
    start: cursors[name] === null ? null : href(name, null),
  });
  return {
    sources: table('sources', sources),
    commentaries: table('commentaries', commentaries),
    // The comparisons of the commentaries this page shows.
    links: links.filter((l) => commentaries.items.some((c) => c.id === l.commentaryId)),
    // Every link of a document on this page, for its row.
    rowLinks: links,
  };
};

function summary(d: DocumentSummary) {
  return { id: d.id, title: d.title, date: d.date, issuer: d.issuer, author: d.author, versions: d.versions, language: d.language };
}
