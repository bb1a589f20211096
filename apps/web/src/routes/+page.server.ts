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
  const links: Link[] = alignments.map((a) => ({
    sourceId: a.source.id,
    sourceTitle: a.source.title,
    commentaryId: a.commentary.id,
    commentaryTitle: a.commentary.title,
    passages: a.passages,
    notFound: a.notFound,
    coverage: a.coverage,
  }));
  const byDate = (a: DocumentSummary, b: DocumentSummary) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title);
  return {
    sources: documents.filter((d) => d.kind === 'source').sort(byDate).map(summary),
    commentaries: documents.filter((d) => d.kind === 'commentary').sort(byDate).map(summary),
    links,
  };
};

function summary(d: DocumentSummary) {
  return { id: d.id, title: d.title, date: d.date, issuer: d.issuer, author: d.author, versions: d.versions, language: d.language };
}
