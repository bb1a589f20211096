/** Everything the comparison page draws, from a report and its two documents. */
import { commentaryColumn, omissionGroups, sourceColumn } from './columns';
import type { Comparison, DocumentText, Report } from './model';
import { overviewBands, sectionTicks } from './overview';
import { passageViews } from './passages';

export function buildComparison(input: { report: Report; source: DocumentText; commentary: DocumentText }): Comparison {
  const { report, source, commentary } = input;
  const passages = passageViews(report);
  const groups = omissionGroups(source, report);
  return {
    passages,
    source: sourceColumn(source, passages, groups, report),
    commentary: commentaryColumn(commentary, passages, report),
    omissionGroups: groups,
    bands: overviewBands(source, passages, groups, report),
    ticks: sectionTicks(source),
    coverage: report.coverage,
  };
}
