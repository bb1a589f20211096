import type { AlignmentReport, DocumentPassages, LinkedPassage, SearchHit, SearchResult } from '@verbatim/api';
import type { PageServerLoad } from './$types';

const LIMIT = 50;

export interface HitLink {
  href: string;
  label: string;
  status: AlignmentReport['passages'][number]['status'];
}

export const load: PageServerLoad = async ({ url, locals: { api } }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  if (q === '') return { q, hits: [], words: null, error: null };
  // A query FTS5 rejects comes back searched as its plain words (`words`); a refusal (a query
  // over the API's length limit) is the reader's to fix, shown beside the box.
  const found = await api.tryGet<SearchResult>(`/api/search?${new URLSearchParams({ q, limit: String(LIMIT) })}`);
  if ('problem' in found) return { q, hits: [], words: null, error: found.problem.detail };
  const { hits, words } = found.data;
  // The passages of each document hit, asked once per document however many of its paragraphs match.
  const passages = new Map<string, Promise<DocumentPassages>>();
  const passagesOf = (id: string) => {
    if (!passages.has(id)) passages.set(id, api.get<DocumentPassages>(`/api/documents/${encodeURIComponent(id)}/passages`));
    return passages.get(id)!;
  };
  return {
    q,
    words,
    error: null,
    limited: hits.length === LIMIT,
    hits: await Promise.all(
      hits.map(async (hit) => ({
        documentId: hit.documentId,
        title: hit.title,
        kind: hit.kind,
        locator: hit.locator,
        excerpt: hit.excerpt,
        href: `/documents/${encodeURIComponent(hit.documentId)}#p-${encodeURIComponent(hit.locator)}`,
        links: linksAt(hit, (await passagesOf(hit.documentId)).passages),
      })),
    ),
  };
};

/** The passages that quote (or are) the paragraph a hit is in, so a hit leads into its comparisons. */
function linksAt(hit: SearchHit, passages: LinkedPassage[]): HitLink[] {
  return passages
    .filter((p) => p.start < hit.end && p.end > hit.start)
    .map((p) => ({
      href: `/compare/${encodeURIComponent(p.sourceId)}/${encodeURIComponent(p.commentaryId)}#passage-${encodeURIComponent(p.id)}`,
      label: `${hit.kind === 'source' ? 'Quoted in' : 'Quotes'} ${p.other.title}, passage ${p.n}`,
      status: p.status,
    }));
}
