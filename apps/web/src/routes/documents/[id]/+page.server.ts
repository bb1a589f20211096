import { error } from '@sveltejs/kit';
import type { AlignmentReport } from '@verbatim/store';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/** A passage that links a paragraph of this document to another document. */
export interface ParagraphLink {
  otherId: string;
  otherTitle: string;
  passageId: string;
  n: number;
  status: AlignmentReport['passages'][number]['status'];
  /** The locator at the other end: where in the source a commentary paragraph quotes from. */
  otherLocator: string | null;
  href: string;
}

export const load: PageServerLoad = ({ params, url, platform }) => {
  const store = getStore(platform);
  const doc = store.get(params.id);
  if (!doc) error(404, `There is no document “${params.id}” in the library.`);

  const alignments = store.alignmentsOf(doc.id).filter((a) => a.source.latest && a.commentary.latest);
  const isSource = doc.kind === 'source';
  // The reverse index: for each paragraph, the passages of linked documents that touch it.
  const links: Record<number, ParagraphLink[]> = {};
  const comparisons = alignments.map((a) => {
    const report = store.alignment(a.source.id, a.commentary.id);
    const other = isSource ? a.commentary : a.source;
    const compare = `/compare/${encodeURIComponent(a.source.id)}/${encodeURIComponent(a.commentary.id)}`;
    const ordered = [...(report?.passages ?? [])].sort((x, y) => x.commentary.start - y.commentary.start);
    ordered.forEach((p, i) => {
      const span = isSource ? p.source : p.commentary;
      if (!span) return;
      for (const para of doc.paragraphs) {
        if (para.start >= span.end || para.end <= span.start) continue;
        (links[para.start] ??= []).push({
          otherId: other.id,
          otherTitle: other.title,
          passageId: p.id,
          n: i + 1,
          status: p.status,
          otherLocator: isSource ? null : (p.source?.locator ?? null),
          href: `${compare}#passage-${encodeURIComponent(p.id)}`,
        });
      }
    });
    return { otherId: other.id, otherTitle: other.title, passages: a.passages, href: compare, coverage: a.coverage };
  });

  const { paragraphs, ...rest } = doc;
  return {
    doc: { ...rest, paragraphs: paragraphs.map(({ text: _text, ...p }) => p) },
    comparisons,
    links,
    added: url.searchParams.get('added'),
  };
};
