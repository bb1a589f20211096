import { redirect } from '@sveltejs/kit';
import type { AlignmentReport, DocumentPassages, Health, Problem, StoredDocument } from '@verbatim/api';
import { eitherOf } from '$lib/labels';
import { EDITABLE, type EditField, type EditValues } from './edit';
import type { Actions, PageServerLoad } from './$types';

/** A passage that links a paragraph of this document to another document. */
export interface ParagraphLink {
  otherId: string;
  otherTitle: string;
  passageId: string;
  n: number;
  status: AlignmentReport['passages'][number]['status'];
  /** The locator at the other end: where in the source a commentary paragraph quotes from (every place, when it fits several equally). */
  otherLocator: string | null;
  /** In a source: how many places the passage fits equally when this paragraph is one of several (it is listed at each). */
  tiedPlaces: number | null;
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
    // A passage that fits several places of a source equally stands at each of them: any may be the one quoted.
    const places = isSource && p.candidates ? p.candidates : [p];
    const tied = p.candidates ? `${eitherOf(p.candidates.map((c) => c.locator))}, equally` : p.locator;
    for (const para of doc.paragraphs) {
      if (!places.some((s) => para.start < s.end && para.end > s.start)) continue;
      (links[para.start] ??= []).push({
        otherId: p.other.id,
        otherTitle: p.other.title,
        passageId: p.id,
        n: p.n,
        status: p.status,
        otherLocator: isSource ? null : tied,
        tiedPlaces: isSource && p.candidates ? p.candidates.length : null,
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
    edited: url.searchParams.get('edited'),
    tokenRequired: health.tokenRequired,
  };
};

export const actions: Actions = {
  /**
   * Corrects the metadata through the API (PATCH, its token and origin checks). Only the fields
   * the reader changed are sent: each field sent is recorded as edited by hand, and a shipped
   * corpus document then keeps it over its metadata file, which should go on setting the rest.
   */
  edit: async ({ params, request, locals: { api } }) => {
    const form = await request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const values = Object.fromEntries(EDITABLE.map((f) => [f, text(f)])) as EditValues;
    const at = `/api/documents/${encodeURIComponent(params.id)}`;
    const current = await api.get<StoredDocument>(at);
    const changed = Object.fromEntries(
      EDITABLE.filter((f) => values[f].replace(/\r\n?/g, '\n').trim() !== (current[f] ?? '').trim()).map((f) => [f, values[f].replace(/\r\n?/g, '\n')]),
    );
    if (Object.keys(changed).length === 0) redirect(303, `/documents/${encodeURIComponent(params.id)}?edited=none`);
    const token = text('token');
    const sent = await api.send<StoredDocument, { action: 'edit'; values: EditValues; field: EditField | null }>('PATCH', at, {
      body: changed,
      ...(token !== '' ? { token } : {}),
      refused: (problem) => ({
        action: 'edit',
        values,
        field: editFieldOf(problem),
        ...(problem.status === 401 ? { error: 'The access token is missing or not the right one; nothing was changed.' } : {}),
      }),
    });
    if (!sent.ok) return sent.failure;
    redirect(303, `/documents/${encodeURIComponent(params.id)}?edited=${Object.keys(changed).join(',')}`);
  },

  /** Deletes the document, every version and its alignments, through the API (its token and origin checks). */
  delete: async ({ params, request, locals: { api } }) => {
    const form = await request.formData();
    const token = form.get('token');
    const sent = await api.send<null, { action: 'delete'; field: 'token' | 'confirm' | null }>('DELETE', `/api/documents/${encodeURIComponent(params.id)}`, {
      ...(typeof token === 'string' && token !== '' ? { token } : {}),
      refused: (problem) => ({ action: 'delete', field: problem.status === 401 ? 'token' : null }),
    });
    if (!sent.ok) return sent.failure;
    redirect(303, `/?deleted=${encodeURIComponent(params.id)}`);
  },
};

/**
 * The field a refusal of the API is about, so that its sentence stands beside it: its
 * validation names it (`The field "date" must …`), the store's sentences in words (`The date
 * "soon" is not a date …`, `The title is empty …`).
 */
function editFieldOf(problem: Problem): EditField | null {
  if (problem.status === 401) return 'token';
  const named = /field "(\w+)"/.exec(problem.detail)?.[1] ?? /^The (\w+)\b/.exec(problem.detail)?.[1];
  return EDITABLE.find((f) => f === named) ?? null;
}
