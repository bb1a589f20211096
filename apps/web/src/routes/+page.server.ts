import type { AlignmentSummary, DocumentSummary } from '@verbatim/store';
import { getStore } from '$lib/server/store';
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

export const load: PageServerLoad = ({ platform }) => {
  const store = getStore(platform);
  const documents = store.list();
  // Every link has a commentary at one end: asking each commentary finds them all, once.
  const links: Link[] = documents
    .filter((d) => d.kind === 'commentary')
    .flatMap((d) => store.alignmentsOf(d.id))
    .filter((a) => a.source.latest && a.commentary.latest)
    .map((a) => ({
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
