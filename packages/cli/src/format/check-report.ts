import type { CheckResult, CheckSource } from '@verbatim/store/checker';
import { labelled } from './labelled.js';
import { createPaint } from './paint.js';
import { formatPassage } from './passage-text.js';
import { isGenuine, STATUSES, STATUS_STYLE, statusWord } from './status-words.js';
import { wrapText, type Segment } from './wrap.js';

export interface CheckReportOptions {
  color?: boolean;
  width?: number;
}

const INDENT = '     ';

const documentName = (d: CheckSource) => `${d.title} (${d.id}${d.date ? `, ${d.date}` : ''})`;

/**
 * The verdicts of a check as a person reads them in a terminal: how many quotations, against
 * how many sources; each passage with its differences and the words it cut off, and where it
 * was found; then one line that says whether every quotation is genuine.
 */
export function formatCheckReport(result: Omit<CheckResult, 'timing'>, options: CheckReportOptions = {}): string {
  const paint = createPaint(options.color ?? false);
  const width = options.width ?? 80;
  const { passages } = result;
  const sources = `${result.sourcesSearched === 1 ? 'the 1 source' : `the ${result.sourcesSearched.toLocaleString('en-US')} sources`} of the corpus`;
  if (passages.length === 0) {
    return `${wrapText(`No quotation to check: the text has no words in quotation marks of four words or more, or found in ${sources}, and no unmarked borrowing of eight words or more.`, width, '')}\n`;
  }
  const counts = STATUSES.filter((s) => passages.some((p) => p.status === s)).flatMap((s, i): Segment[] => [
    { text: `${i > 0 ? ' · ' : ''}${passages.filter((p) => p.status === s).length} ` },
    { text: statusWord(s), styles: STATUS_STYLE[s] },
  ]);
  const header = [
    paint('Verbatim check', 'bold'),
    '',
    labelled('Checked', `${passages.length === 1 ? '1 passage' : `${passages.length} passages`} against ${sources}`, paint, width),
    labelled('Verdicts', counts, paint, width),
  ].join('\n');

  const blocks = passages.map((p, i) => {
    if (!p.document) {
      const where = result.sourcesSearched === 1 ? 'not in the one source of the corpus' : `in none of ${sources}`;
      return [formatPassage(p, i + 1, { paint, width }), wrapText(where, width, INDENT, INDENT)].join('\n');
    }
    // The places in its own source go in the passage's heading ("equally in IV.5, II.1");
    // those in other sources each get a line naming the source, as its first does.
    const own = (p.candidates ?? []).filter((c) => c.document.id === p.document.id);
    const others = (p.candidates ?? []).filter((c) => c.document.id !== p.document.id);
    const passage = { ...p, candidates: own.length > 1 ? own : undefined };
    const where = [
      wrapText(`in: ${documentName(p.document)}, ${p.source.locator}`, width, INDENT, INDENT),
      ...others.map((c) => wrapText(`equally in: ${documentName(c.document)}, ${c.locator}`, width, INDENT, INDENT)),
    ];
    const unverified = p.unverified.length > 0 ? [`${INDENT}${paint(`not checked against the official text: ${p.unverified.join(', ')}`, 'dim')}`] : [];
    return [formatPassage(passage, i + 1, { paint, width }), ...where, ...unverified].join('\n');
  });

  const wrong = passages.filter((p) => !isGenuine(p.status));
  const verdict =
    wrong.length === 0
      ? paint(passages.length === 1 ? 'The quotation is genuine.' : 'Every quotation is genuine.', 'green')
      : paint(`${wrong.length === 1 ? '1 passage is' : `${wrong.length} passages are`} not genuine: ${wrong.map((p) => statusWord(p.status)).join(', ')}.`, 'yellow');
  return `${[header, ...blocks, verdict].join('\n\n')}\n`;
}
