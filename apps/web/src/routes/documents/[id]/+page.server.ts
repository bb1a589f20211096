import { redirect } from '@sveltejs/kit';
import type { AlignmentReport, DocumentPassages, Health, StoredDocument } from '@verbatim/api';
import type { Actions, PageServerLoad } from './$types';

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

export const load: PageServerLoad = async ({ params, url, locals: { api } }) => {
  const at = encodeURIComponent(params.id);
  const [doc, linked, health] = await Promise.all([
    api.get<StoredDocument>(`/api/documents/${at}`),
    api.get<DocumentPassages>(`/api/documents/${at}/passages`),
    api.get<Health>('/api/health'),
  ]);
  const isSource = doc.kind === 'source';
  const compare = (sourceId: string, commentaryId: string) => `/compare/${encodeURIComponent(sourceId)}/${encodeURIComponent(commentaryId)}`;

  // The reverse index: for each paragraph, the passages of linked documents that touch it.
  const links: Record<number, ParagraphLink[]> = {};
  for (const p of linked.passages) {
    for (const para of doc.paragraphs) {
      if (para.start >= p.end || para.end <= p.start) continue;
      (links[para.start] ??= []).push({
        otherId: p.other.id,
        otherTitle: p.other.title,
        passageId: p.id,
        n: p.n,
        status: p.status,
        otherLocator: isSource ? null : p.locator,
        href: `${compare(p.sourceId, p.commentaryId)}#passage-${encodeURIComponent(p.id)}`,
      });
    }
  }
  const comparisons = linked.alignments.map((a) => {
    const other = isSource ? a.commentary : a.source;
    return { otherId: other.id, otherTitle: other.title, passages: a.passages, href: compare(a.source.id, a.commentary.id), coverage: a.coverage };
  });

  const { paragraphs, ...rest } = doc;
  return {
    doc: { ...rest, paragraphs: paragraphs.map(({ text: _text, ...p }) => p) },
    comparisons,
    links,
    added: url.searchParams.get('added'),
    tokenRequired: health.tokenRequired,
  };
};

export const actions: Actions = {
  /** Deletes the document, every version and its alignments, through the API (its token and origin checks). */
  delete: async ({ params, request, locals: { api } }) => {
    const form = await request.formData();
    const token = form.get('token');
    const sent = await api.send<null, { field: 'token' | 'confirm' | null }>('DELETE', `/api/documents/${encodeURIComponent(params.id)}`, {
      ...(typeof token === 'string' && token !== '' ? { token } : {}),
      refused: (problem) => ({ field: problem.status === 401 ? 'token' : null }),
    });
    if (!sent.ok) return sent.failure;
    redirect(303, `/?deleted=${encodeURIComponent(params.id)}`);
  },
};
