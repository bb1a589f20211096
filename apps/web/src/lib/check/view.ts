/**
 * What the check page shows of one verdict, from the API's answer (POST /api/check): the
 * quotation and the source words as trees of text with their word differences marked (the
 * same <ins>/<del> the comparison page uses), each difference in words, and where to open
 * the source. Pure: the page and its unit tests share it.
 */
import { nest, type Node } from '../text/nest';
import { CATEGORY_LABEL, eitherOf, type DifferenceCategory, type PassageKind, type PassageStatus, type QuotationMarks } from '../labels';

interface Span {
  start: number;
  end: number;
  text: string;
}

export interface CheckDifference {
  type: 'insert' | 'delete' | 'replace';
  category: DifferenceCategory;
  editorial: boolean;
  commentary: Span;
  source: Span;
}

/** A passage of the check's answer: the report's fields the page uses, and where it was found. */
export interface CheckedPassage {
  id: string;
  kind: PassageKind;
  quotationMarks: QuotationMarks | null;
  status: PassageStatus;
  commentary: Span;
  source: (Span & { locator: string }) | null;
  /**
   * Every place the passage fits equally — in this source, or in several — each with its
   * document (`source` and `document` are the first); absent when it fits one.
   */
  candidates?: Array<Span & { locator: string; document: { id: string; title: string } }>;
  similarity: number;
  differences: CheckDifference[];
  context: { before: string; after: string };
  document: { id: string; version: number; title: string; date: string | null } | null;
  citation: string | null;
}

export interface CheckAnswer {
  sourcesSearched: number;
  sourcesAligned: number;
  passages: CheckedPassage[];
}

/**
 * The places a checked passage fits equally, in words: "0.3, III.5 or III.21" in its own
 * source; with the document's title before each when they lie in several. Empty when it fits one.
 */
export function equalPlaces(p: CheckedPassage): { here: string[]; all: string; sources: number } {
  const places = p.candidates ?? [];
  if (places.length < 2) return { here: [], all: '', sources: 0 };
  const documents = new Set(places.map((c) => c.document.id));
  const here = places.filter((c) => c.document.id === p.document?.id).map((c) => c.locator);
  const all = documents.size === 1 ? eitherOf(here) : eitherOf(places.map((c) => `${c.document.title}, ${c.locator}`));
  return { here, all, sources: documents.size };
}

export type DiffMark =
  /** Words of this side that differ from the other's. */
  | { kind: 'diff'; type: CheckDifference['type']; category: DifferenceCategory; label: string }
  /** Where this side has no words for a difference: the other side's words stand in. */
  | { kind: 'ghost'; type: CheckDifference['type']; category: DifferenceCategory; label: string; words: string };

type Side = 'source' | 'commentary';

/**
 * One side's words (the quotation, or the source passage) with its differences: typography
 * (quote styles, dashes) and what an editorial mark accounts for are not marked, as on the
 * comparison page's default view.
 */
export function markedSide(p: CheckedPassage, side: Side): Node<DiffMark>[] {
  const span = side === 'source' ? p.source : p.commentary;
  if (!span) return [];
  const items = p.differences
    .filter((d) => d.category !== 'typography' && !d.editorial)
    .map((d) => {
      const here = d[side];
      const start = here.start - span.start;
      const end = here.end - span.start;
      const label = describeDifference(d);
      if (start < end) return { start, end, data: { kind: 'diff' as const, type: d.type, category: d.category, label } };
      const other = (side === 'source' ? d.commentary.text : d.source.text).replace(/\s+/g, ' ').trim();
      return { start, end: start, data: { kind: 'ghost' as const, type: d.type, category: d.category, label, words: other } };
    })
    .filter((item) => item.start >= 0 && item.end <= span.text.length);
  return nest<DiffMark>(span.text, [items]);
}

/** A difference as a sentence: whose words, and what kind of change. */
export function describeDifference(d: CheckDifference): string {
  const source = `“${d.source.text.replace(/\s+/g, ' ').trim()}”`;
  const quoted = `“${d.commentary.text.replace(/\s+/g, ' ').trim()}”`;
  const what = CATEGORY_LABEL[d.category];
  switch (d.type) {
    case 'insert':
      return `${quoted} is the quoter’s: the source does not have it (${what})`;
    case 'delete':
      return `${source} of the source is left out (${what})`;
    case 'replace':
      return `${source} in the source is ${quoted} in the quotation (${what})`;
  }
}

/** The differences worth a sentence each: the marked ones. */
export function listedDifferences(p: CheckedPassage): CheckDifference[] {
  return p.differences.filter((d) => d.category !== 'typography' && !d.editorial);
}

/** The source document at the paragraph the passage starts in (the first of a range `I.1–I.2`). */
export function contextHref(p: CheckedPassage): string | null {
  if (!p.document || !p.source) return null;
  const first = p.source.locator.split('–')[0]!;
  return `/documents/${encodeURIComponent(p.document.id)}#p-${encodeURIComponent(first)}`;
}

/** "2 quotations checked against the 1 source of the corpus", or why there is nothing. */
export function summary(answer: CheckAnswer): string {
  const sources = answer.sourcesSearched === 1 ? 'the 1 source' : `the ${answer.sourcesSearched.toLocaleString('en-US')} sources`;
  if (answer.passages.length === 0) {
    return `No quotation to check: nothing in quotation marks (four words or more, or a shorter phrase of a source) and no borrowing of eight words or more from ${sources} of the corpus.`;
  }
  const n = answer.passages.length;
  const wrong = answer.passages.filter((p) => p.status !== 'verbatim' && p.status !== 'variant').length;
  const verdict = wrong === 0 ? (n === 1 ? 'genuine' : 'all genuine') : `${wrong} not genuine`;
  return `${n === 1 ? '1 passage' : `${n} passages`} checked against ${sources} of the corpus: ${verdict}.`;
}

/** A not-found passage says how far the search went. */
export function notFoundNote(answer: CheckAnswer): string {
  return answer.sourcesSearched === 1
    ? 'Not in the one source of the corpus, in any wording.'
    : `In none of the ${answer.sourcesSearched.toLocaleString('en-US')} sources of the corpus, in any wording.`;
}
