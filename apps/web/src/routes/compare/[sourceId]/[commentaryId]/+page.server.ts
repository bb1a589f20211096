import { error, isHttpError, redirect } from '@sveltejs/kit';
import type { AlignmentReport, StoredDocument } from '@verbatim/api';
import { toDocumentText } from '$lib/document-text';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals: { api } }) => {
  const at = (id: string) => encodeURIComponent(id);
  const pair = `/api/alignments/${at(params.sourceId)}/${at(params.commentaryId)}`;
  const [source, commentary, report] = await Promise.all([
    api.get<StoredDocument>(`/api/documents/${at(params.sourceId)}`),
    api.get<StoredDocument>(`/api/documents/${at(params.commentaryId)}`),
    api.find<AlignmentReport & { stale?: true }>(pair).catch(async (thrown: unknown) => {
      // A team server whose workers gave up on the pair answers 500: its status says why.
      if (!isHttpError(thrown) || thrown.status !== 500) throw thrown;
      const status = await api.find<{ state: string; reason?: string }>(`${pair}/status`);
      if (status?.state !== 'failed') throw thrown;
      return { failed: status.reason ?? '' } as const;
    }),
  ]);
  if (report && 'failed' in report) {
    error(500, {
      heading: 'Alignment failed',
      message: `Verbatim could not align “${commentary.title}” with “${source.title}”. ${report.failed} Adding either document again, or running verbatim realign, tries again.`,
    });
  }
  // A team server answers 202 Accepted while a worker has yet to align the two (just added).
  if (report && (report as { state?: string }).state === 'pending') {
    error(503, `Verbatim is aligning “${commentary.title}” with “${source.title}” (a worker of the team server is on it): reload this page in a moment.`);
  }
  if (!report) {
    // The two ids the other way round: send the reader to the comparison that exists.
    if (await api.find(`/api/alignments/${at(commentary.id)}/${at(source.id)}`)) redirect(308, `/compare/${at(commentary.id)}/${at(source.id)}`);
    error(404, `“${commentary.title}” and “${source.title}” are not linked: Verbatim found no passage of the one in the other.`);
  }
  return {
    report,
    source: { ...toDocumentText(source), meta: meta(source) },
    commentary: { ...toDocumentText(commentary), meta: meta(commentary) },
  };
};

function meta(doc: StoredDocument) {
  return { date: doc.date, author: doc.author, issuer: doc.issuer, version: doc.version, sha256: doc.sha256, format: doc.format };
}
