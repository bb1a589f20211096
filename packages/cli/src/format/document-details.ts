import type { DocumentVersion, StoredDocument, StoredParagraph, VerificationStatus, WaitingAlignment } from '@verbatim/store';
import type { AlignmentView } from '../store/alignment-view.js';
import { formatAlignment } from './alignment-lines.js';
import { labelled } from './labelled.js';
import type { Paint } from './paint.js';
import { displayWidth } from './text-width.js';
import { padDisplay } from './truncate.js';
import { wrapSegments, type Segment } from './wrap.js';

export interface DocumentDetailsOptions {
  paint: Paint;
  width: number;
  /** On a team server, the document's pairs with no report yet: pending for a worker, or failed. */
  waiting?: readonly WaitingAlignment[];
}

/**
 * `verbatim show`: the metadata, the versions, the alignments, then the text paragraph by
 * paragraph with the locators a citation uses and, where the corpus records one, how far
 * each paragraph has been checked.
 */
export function formatDocumentDetails(
  document: StoredDocument,
  versions: readonly DocumentVersion[],
  alignments: readonly AlignmentView[],
  options: DocumentDetailsOptions,
): string {
  const { paint, waiting = [] } = options;
  const sections = [
    [paint(document.id, 'bold'), ...metadataLines(document, options)].join('\n'),
    [paint('Versions', 'bold'), ...versions.map((v) => versionLine(v, document.version))].join('\n'),
    [
      paint('Alignments', 'bold'),
      ...(alignments.length > 0 || waiting.length > 0
        ? [...alignments.map((a) => formatAlignment(a, options)), ...waiting.map((w) => waitingLines(w, options))]
        : [`  None: ${document.kind === 'source' ? 'no stored commentary quotes it' : 'it quotes none of the stored sources'}.`]),
    ].join('\n'),
    ...verificationLegend(document.paragraphs, options),
    [paint(`Paragraphs (${document.paragraphs.length})`, 'bold'), ...paragraphLines(document.paragraphs, options)].join('\n'),
  ];
  return sections.join('\n\n') + '\n';
}

/** A pair the team server's workers have yet to align, or gave up on: who with whom, then where it stands. */
function waitingLines(w: WaitingAlignment, { paint, width }: DocumentDetailsOptions): string {
  const heading = `  ${paint(w.sourceId, 'bold')} ↔ ${paint(w.commentaryId, 'bold')}`;
  const state: Segment[] =
    w.state === 'pending'
      ? [{ text: 'pending: ', styles: ['bold'] }, { text: 'a worker of the team server is yet to align them.' }]
      : [{ text: 'failed: ', styles: ['bold'] }, { text: `${w.reason} Add either document again, or run verbatim realign, to queue it again.` }];
  return `${heading}\n${wrapSegments(state, paint, width, '    ')}`;
}

function metadataLines(d: StoredDocument, { paint, width }: DocumentDetailsOptions): string[] {
  const facts: Array<[string, string | null]> = [
    ['Title', d.title],
    ['Kind', d.kind],
    ['Date', d.date],
    ['Author', d.author],
    ['Issuer', d.issuer],
    ['Language', d.language],
    ['URL', d.url],
    ['Licence', d.licence],
    ['Format', d.format],
    ['Text', `${d.length.toLocaleString('en-US')} characters, ${d.paragraphs.length} paragraphs`],
    ['SHA-256', d.sha256],
    ['Provenance', d.provenance],
  ];
  return facts.flatMap(([label, value]) => (value === null || value === '' ? [] : [labelled(label, value, paint, width)]));
}

function versionLine(v: DocumentVersion, shown: number): string {
  // `show` shows the latest version; the others are listed so a reader knows they exist.
  const latest = v.version === shown ? '  (latest, shown here)' : '';
  return `  ${v.version}  ${v.created.slice(0, 10)}  sha256 ${v.sha256.slice(0, 12)}…  ${v.length.toLocaleString('en-US')} characters${latest}`;
}

/** From the most to the least assurance, as the legend lists them. */
const VERIFICATION_ORDER: readonly VerificationStatus[] = ['confirmed', 'confirmed-in-part', 'corrected', 'unchecked'];

/** Notes most paragraphs of a status share, said once here rather than under each paragraph. */
function verificationLegend(paragraphs: readonly StoredParagraph[], { paint, width }: DocumentDetailsOptions): string[] {
  const byStatus = groupByStatus(paragraphs);
  if (byStatus.size === 0) return [];
  const lines = [...byStatus].sort((a, b) => VERIFICATION_ORDER.indexOf(a[0]) - VERIFICATION_ORDER.indexOf(b[0])).map(([status, group]) => {
    const note = sharedNote(group);
    const count = `${group.length} ${group.length === 1 ? 'paragraph' : 'paragraphs'}`;
    return wrapSegments([{ text: `${verificationWord(status)} (${count})`, styles: ['bold'] }, { text: note ? `: ${note}` : '' }], paint, width, '    ', '  ');
  });
  return [[paint('Verification', 'bold'), ...lines].join('\n')];
}

function paragraphLines(paragraphs: readonly StoredParagraph[], { paint, width }: DocumentDetailsOptions): string[] {
  const byStatus = groupByStatus(paragraphs);
  const locatorWidth = Math.max(0, ...paragraphs.map((p) => displayWidth(p.locator)));
  const indent = ' '.repeat(2 + locatorWidth + 2);
  return paragraphs.map((p) => {
    const segments: Segment[] = [{ text: p.text }];
    if (p.verification) {
      const shared = sharedNote(byStatus.get(p.verification) ?? []);
      const own = p.verificationNote && p.verificationNote !== shared ? `: ${p.verificationNote}` : '';
      segments.push({ text: ` [${verificationWord(p.verification)}${own}]`, styles: ['dim'] });
    }
    const first = `  ${padDisplay(p.locator, locatorWidth)}  `;
    const body = wrapSegments(segments, paint, width, indent, first);
    return paint(first, 'cyan') + body.slice(first.length);
  });
}

function groupByStatus(paragraphs: readonly StoredParagraph[]): Map<VerificationStatus, StoredParagraph[]> {
  const groups = new Map<VerificationStatus, StoredParagraph[]>();
  for (const p of paragraphs) {
    if (!p.verification) continue;
    groups.set(p.verification, [...(groups.get(p.verification) ?? []), p]);
  }
  return groups;
}

/** The note shared by more than one paragraph of a group, if there is one. */
function sharedNote(group: readonly StoredParagraph[]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of group) if (p.verificationNote) counts.set(p.verificationNote, (counts.get(p.verificationNote) ?? 0) + 1);
  const [note, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return count !== undefined && count > 1 ? note : undefined;
}

function verificationWord(status: VerificationStatus): string {
  return status.replaceAll('-', ' ');
}
