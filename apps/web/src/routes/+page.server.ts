import type { AlignmentSummary, DocumentSummary, Link as Alignment } from '@verbatim/api';
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

export const load: PageServerLoad = async ({ locals }) => {
  const [documents, alignments] = await Promise.all([
    locals.api.get<DocumentSummary[]>('/api/documents'),
    locals.api.get<Alignment[]>('/api/alignments'),
  ]);
  const byDate = (a: DocumentSummary, b: DocumentSummary) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
  const sources = documents.filter((d) => d.kind === 'source').sort(byDate);
  const commentaries = documents.filter((d) => d.kind === 'commentary').sort(byDate);
  // The links in the order of the commentaries' table (newest first), then of the sources'.
  const rank = new Map([...commentaries, ...sources].map((d, i) => [d.id, i]));
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
    .sort((x, y) => (rank.get(x.commentaryId) ?? 0) - (rank.get(y.commentaryId) ?? 0) || (rank.get(x.sourceId) ?? 0) - (rank.get(y.sourceId) ?? 0));
  return {
    sources: sources.map(summary),
    commentaries: commentaries.map(summary),
    links,
  };
};

function summary(d: DocumentSummary) {
  return { id: d.id, title: d.title, date: d.date, issuer: d.issuer, author: d.author, versions: d.versions, language: d.language };
}
