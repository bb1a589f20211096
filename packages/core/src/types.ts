/**
 * The AlignmentReport and its parts, as the contract
 * (contracts/alignment-report.schema.json, SPEC §2) defines them.
 * Offsets are UTF-16 code unit indices into the texts exactly as given; `end` is exclusive.
 */
import type { LexiconData } from './lexicon/lexicon.js';

export type { LexiconData };

/** A stretch of one of the two texts. `text` is always `input.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A span of the source with its human locator (`III.6`, `0.3`, `¶12`, or a range `I.1–I.2`). */
export interface SourceSpan extends Span {
  locator: string;
}

export type PassageKind = 'quotation' | 'borrowing';
/**
 * `paraphrased`: the quotation's wording largely differs, but its content words — through
 * base forms, synonyms and derived words, in any order — are those of one source passage
 * (typically another translation of the source). Between `altered` and `not_found`.
 */
export type FoundStatus = 'verbatim' | 'variant' | 'altered' | 'paraphrased';
export type PassageStatus = FoundStatus | 'not_found';

export type DifferenceType = 'insert' | 'delete' | 'replace';
export type DifferenceCategory = 'typography' | 'case' | 'spelling' | 'inflection' | 'wording' | 'omission';

/**
 * One word-level difference. An insert has an empty source span at the place the words
 * were inserted; a delete has an empty commentary span.
 * `editorial` is true when an accurate editorial mark accounts for it (words hidden by an
 * ellipsis, a bracketed insertion): it is shown but does not make the passage altered.
 */
export interface Difference {
  type: DifferenceType;
  category: DifferenceCategory;
  commentary: Span;
  source: Span;
  editorial: boolean;
}

export type EditorialMarkType = 'ellipsis' | 'bracket' | 'sic';
export type EmphasisMarkType = 'emphasis-added' | 'emphasis-original';

export interface EditorialMark {
  type: EditorialMarkType;
  commentary: Span;
}

/**
 * An emphasis marker such as "(Italics added)". `emphasized` lists the words the
 * commentary set in italics or bold inside the passage when they are known (the
 * commentary came from HTML or Markdown); it is null when they are unknown (plain text),
 * because guessing would put words in the author's mouth.
 */
export interface EmphasisMark {
  type: EmphasisMarkType;
  commentary: Span;
  emphasized: Span[] | null;
}

export type Mark = EditorialMark | EmphasisMark;

/** How a quotation is delimited in the commentary; null for a borrowing. */
export type QuotationMarks = 'paired' | 'opening-missing' | 'closing-missing' | 'block';

export interface Context {
  /** Source words just before the aligned span, back to the start of their sentence. */
  before: string;
  /** Source words just after the aligned span, up to the end of their sentence. */
  after: string;
}

interface PassageBase {
  /** Deterministic: the same inputs give the same id. */
  id: string;
  kind: PassageKind;
  quotationMarks: QuotationMarks | null;
  commentary: Span;
  differences: Difference[];
  marks: Mark[];
  context: Context;
}

export interface FoundPassage extends PassageBase {
  status: FoundStatus;
  /** Where the passage comes from; when `candidates` is present, only the first of them in source order. */
  source: SourceSpan;
  similarity: number;
  /**
   * Present when two or more source places fit the passage equally well: all of them, in
   * source order (`source` is the first). The evidence cannot tell which one was quoted.
   */
  candidates?: SourceSpan[];
}

export interface NotFoundPassage extends PassageBase {
  kind: 'quotation';
  status: 'not_found';
  source: null;
  similarity: 0;
}

export type Passage = FoundPassage | NotFoundPassage;

export interface DocumentInfo {
  id?: string;
  title?: string;
  length: number;
  sha256: string;
}

/** Source text no passage covers: a whole paragraph, or the uncovered part of one. */
export interface Omission {
  start: number;
  end: number;
  locator: string;
  whole: boolean;
}

export interface Coverage {
  /** Share of the source's words that some passage reproduces. */
  source: number;
  /** Share of the commentary's words that belong to a passage found in the source. */
  commentary: number;
}

export interface AlignmentReport {
  version: 1;
  /**
   * The engine that made the report (`ENGINE_VERSION`), so a report saved to a file still says
   * which behaviour produced it. Reports stored by engines before 0.12.0 lack it.
   */
  engineVersion?: string;
  source: DocumentInfo;
  commentary: DocumentInfo;
  passages: Passage[];
  omissions: Omission[];
  coverage: Coverage;
}

/** Inputs beyond the two texts. Every field is optional. */
export interface AlignOptions {
  sourceId?: string;
  sourceTitle?: string;
  commentaryId?: string;
  commentaryTitle?: string;
  /**
   * The source's SHA-256 (hex) when the caller already has it — a stored version, or a host
   * with a native hash (node:crypto): hashing a long source in JavaScript costs more than
   * aligning a sentence with it.
   * It must be the hash of `source` exactly, or the report and its passage ids are wrong.
   */
  sourceSha256?: string;
  /** The commentary's SHA-256 (hex) when the caller already has it; the same caveat. */
  commentarySha256?: string;
  /**
   * Emphasis (italics, bold) the commentary carries, known when it was imported from HTML
   * or Markdown: offsets into the commentary text. Without it, emphasis markers say the
   * emphasized words are unknown.
   */
  commentaryEmphasis?: ReadonlyArray<{ start: number; end: number }>;
  /** Fewest consecutive words in common for an unmarked borrowing (default 8). */
  minBorrowingWords?: number;
  /**
   * Fewest words for a quotation absent from the source to be reported not_found (default
   * 4). A shorter one of two words or more is reported too when the commentary presents it
   * as someone's words ("pledged to '…'"): see detect/attribution.ts.
   */
  minNotFoundWords?: number;
  /**
   * Loads the lexicon of the paraphrase layer (`@verbatim/core/wordnet.json`). Called at most
   * once per lexicon, and only when a quotation of four words or more is not found word for
   * word. Without it, such a quotation is reported not_found rather than paraphrased.
   */
  lexicon?: () => LexiconData;
}

/** A paragraph of a document with its locator. */
export interface Paragraph {
  start: number;
  end: number;
  locator: string;
  /** The section numeral it belongs to (`I`…`IV`), `0` for a preamble, null without sections. */
  section: string | null;
  /** True for a document's title line. */
  title: boolean;
}
