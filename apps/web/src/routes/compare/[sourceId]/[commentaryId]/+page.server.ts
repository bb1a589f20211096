import { error, redirect } from '@sveltejs/kit';
import { toDocumentText } from '$lib/document-text';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, platform }) => {
  const store = getStore(platform);
  const source = store.get(params.sourceId);
  const commentary = store.get(params.commentaryId);
  if (!source) error(404, `There is no document “${params.sourceId}” in the library.`);
  if (!commentary) error(404, `There is no document “${params.commentaryId}” in the library.`);

  const report = store.alignment(source.id, commentary.id);
  if (!report) {
    // The two ids the other way round: send the reader to the comparison that exists.
    if (store.alignment(commentary.id, source.id)) {
      redirect(308, `/compare/${encodeURIComponent(commentary.id)}/${encodeURIComponent(source.id)}`);
    }
    error(404, `“${commentary.title}” and “${source.title}” are not linked: Verbatim found no passage of the one in the other.`);
  }

  return {
    report,
    source: { ...toDocumentText(source), meta: meta(source) },
    commentary: { ...toDocumentText(commentary), meta: meta(commentary) },
  };
};

function meta(doc: { date: string | null; author: string | null; issuer: string | null; version: number; sha256: string; format: string }) {
  return { date: doc.date, author: doc.author, issuer: doc.issuer, version: doc.version, sha256: doc.sha256, format: doc.format };
}
