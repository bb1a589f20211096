import type { PassageStatus } from '@verbatim/core';
import type { AlignmentReport, AlignmentSummary, Store } from '@verbatim/store';

/** An alignment as `add` and `show` print it: the store's summary plus passages by status. */
export interface AlignmentView extends AlignmentSummary {
  /** Every passage of the report by status, quotations not found included. */
  statuses: Record<PassageStatus, number>;
}

/** The alignments linking a document's latest version, each with its passages counted by status. */
export async function alignmentViews(store: Store, documentId: string): Promise<AlignmentView[]> {
  const summaries = await store.alignmentsOf(documentId);
  return Promise.all(
    summaries.map(async (summary) => {
      const report = await store.alignment(summary.source.id, summary.commentary.id);
      return { ...summary, statuses: countStatuses(report) };
    }),
  );
}

/** The full reports of a document's alignments, for `export`. */
export async function alignmentReports(store: Store, documentId: string): Promise<Array<AlignmentSummary & { report: AlignmentReport }>> {
  const summaries = await store.alignmentsOf(documentId);
  const reports = await Promise.all(summaries.map((summary) => store.alignment(summary.source.id, summary.commentary.id)));
  return summaries.flatMap((summary, i) => {
    const report = reports[i];
    return report ? [{ ...summary, report }] : [];
  });
}

function countStatuses(report: AlignmentReport | undefined): Record<PassageStatus, number> {
  const counts: Record<PassageStatus, number> = { verbatim: 0, variant: 0, altered: 0, paraphrased: 0, not_found: 0 };
  for (const passage of report?.passages ?? []) counts[passage.status] += 1;
  return counts;
}
