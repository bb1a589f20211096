import { StoreError, type AlignmentReport, type SearchHit, type Store } from '@verbatim/store';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

const LIMIT = 50;

export interface HitLink {
  href: string;
  label: string;
  status: AlignmentReport['passages'][number]['status'];
}

export const load: PageServerLoad = ({ url, platform }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  if (q === '') return { q, hits: [], error: null };
  const store = getStore(platform);
  let hits: SearchHit[];
  try {
    hits = store.search(q, { limit: LIMIT });
  } catch (error) {
    if (error instanceof StoreError) return { q, hits: [], error: error.message };
    throw error;
  }
  const reports = new Map<string, AlignmentReport | undefined>();
  return {
    q,
    error: null,
    limited: hits.length === LIMIT,
    hits: hits.map((hit) => ({
      documentId: hit.documentId,
      title: hit.title,
      kind: hit.kind,
      locator: hit.locator,
      excerpt: hit.excerpt,
      href: `/documents/${encodeURIComponent(hit.documentId)}#p-${encodeURIComponent(hit.locator)}`,
      links: passagesAt(store, reports, hit),
    })),
  };
};

/** The passages that quote (or are) the paragraph a hit is in, so a hit leads into its comparisons. */
function passagesAt(store: Store, reports: Map<string, AlignmentReport | undefined>, hit: SearchHit): HitLink[] {
  return store
    .alignmentsOf(hit.documentId)
    .filter((a) => a.source.latest && a.commentary.latest)
    .flatMap((a) => {
      const key = `${a.source.id}\u0000${a.commentary.id}`;
      if (!reports.has(key)) reports.set(key, store.alignment(a.source.id, a.commentary.id));
      const report = reports.get(key);
      const ordered = [...(report?.passages ?? [])].sort((x, y) => x.commentary.start - y.commentary.start);
      const other = hit.kind === 'source' ? a.commentary : a.source;
      return ordered.flatMap((p, i): HitLink[] => {
        const span = hit.kind === 'source' ? p.source : p.commentary;
        if (!span || span.start >= hit.end || span.end <= hit.start) return [];
        return [
          {
            href: `/compare/${encodeURIComponent(a.source.id)}/${encodeURIComponent(a.commentary.id)}#passage-${encodeURIComponent(p.id)}`,
            label: `${hit.kind === 'source' ? 'Quoted in' : 'Quotes'} ${other.title}, passage ${i + 1}`,
            status: p.status,
          },
        ];
      });
    });
}
