/**
 * What the comparison page shows, derived from an alignment report and the two stored texts.
 * Types only; the functions that build them are beside this file.
 */
import type { AlignmentReport, EmphasisSpan, VerificationStatus } from '@verbatim/api';
import type { DifferenceCategory, DifferenceWeight, EmphasisKind, PassageKind, PassageStatus, QuotationMarks } from '../labels';
import type { Node } from '../text/nest';

export type Report = AlignmentReport;
export type ReportPassage = AlignmentReport['passages'][number];
export type ReportDifference = ReportPassage['differences'][number];
export type Side = 'source' | 'commentary';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A paragraph as the page needs it (the store's, without its text: the page has the text). */
export interface ParagraphInfo {
  start: number;
  end: number;
  locator: string;
  section: string | null;
  title: boolean;
  verification: VerificationStatus | null;
  verificationNote: string | null;
}

/** One of the two documents of a comparison. */
export interface DocumentText {
  id: string;
  title: string;
  text: string;
  paragraphs: ParagraphInfo[];
  emphasis: EmphasisSpan[];
}

export interface DiffView {
  type: ReportDifference['type'];
  category: DifferenceCategory;
  editorial: boolean;
  /** How strongly the page marks it (see CATEGORY_WEIGHT). */
  weight: DifferenceWeight;
  source: Span;
  commentary: Span;
  /** What a reader sees on hover, and a screen reader hears: the category and both sides' words. */
  label: string;
  /** The category in a word or two, shown beside the difference once its passage is selected. */
  tag: string;
}

export interface EmphasisView {
  type: 'emphasis-added' | 'emphasis-original';
  /** What the marker claims, in the page's words: added, mine, or in original. */
  kind: EmphasisKind;
  /** The marker as the commentary writes it: "(Italics added)". */
  marker: string;
  /** The emphasized words, or null when the commentary's format cannot tell (plain text). */
  emphasized: string[] | null;
}

export interface PassageView {
  id: string;
  /** 1-based, in commentary order: the number shown in both columns and in the list. */
  n: number;
  kind: PassageKind;
  status: PassageStatus;
  quotationMarks: QuotationMarks | null;
  locator: string | null;
  /**
   * Every source place the passage fits equally, in source order (the first is `locator`, the
   * place the columns show); empty when it fits one.
   */
  candidates: string[];
  commentary: Span;
  source: Span | null;
  similarity: number;
  differences: DiffView[];
  /** How many differences of each category, editorial ones apart. */
  categories: Array<{ category: DifferenceCategory; count: number }>;
  editorialMarks: Array<{ type: 'ellipsis' | 'bracket' | 'sic'; text: string }>;
  emphasis: EmphasisView[];
  context: { before: string; after: string };
  /** One line for titles and screen readers: "Passage 3 of 8 · quotation · altered · IV.5". */
  summary: string;
}

/** The data carried by the elements of a column's tree. */
export type Mark =
  | {
      kind: 'passage';
      side: Side;
      passage: PassageView;
      /** Inside another passage's element in this column (its span lies wholly inside that one's). */
      nested: boolean;
    }
  /** A word difference whose words are in this column: `<del>` in the source, `<ins>` in the commentary. */
  | { kind: 'diff'; side: Side; diff: DiffView }
  /** A difference with no words in this column (a word left out, a word added): the other side's words, shown in place. */
  | { kind: 'ghost'; side: Side; diff: DiffView; words: string }
  | { kind: 'editorial'; type: 'ellipsis' | 'bracket' | 'sic' }
  /** Words the commentary set in italics inside a passage with an emphasis marker. */
  | { kind: 'emphasized'; emphasis: EmphasisKind }
  | { kind: 'emphasis-marker'; passageId: string; type: EmphasisView['type']; emphasis: EmphasisKind }
  /** Consecutive source paragraphs no passage quotes, collapsible as one. */
  | { kind: 'omission-group'; group: OmissionGroup }
  | { kind: 'omitted'; locator: string; whole: boolean }
  /**
   * A run of whole paragraphs that nothing crosses, the outermost element of a column: the page
   * lays out only the runs near the view. A run holding omitted paragraphs leaves that to them.
   */
  | { kind: 'block'; deferred: boolean }
  /** White space between paragraphs. */
  | { kind: 'gap' }
  /** A line outside the paragraphs: the title, a section numeral. */
  | { kind: 'heading'; title: boolean }
  /** A paragraph's start: its locator and verification, shown in the margin. */
  | { kind: 'locator'; locator: string; verification: VerificationStatus | null; note: string | null }
  /** Italics or bold the document itself carries (imported from HTML or Markdown). */
  | { kind: 'style'; style: EmphasisSpan['kind'] };

export interface OmissionGroup {
  id: string;
  start: number;
  end: number;
  /** "0.1–0.4", or one locator. */
  label: string;
  paragraphs: number;
}

/** A band of the overview bar: a stretch of the source, as fractions of its length. */
export interface Band {
  from: number;
  to: number;
  kind: 'passage' | 'omitted';
  status: PassageStatus | null;
  passageId: string | null;
  /** The element to scroll to for an omitted band (its id). */
  targetId: string | null;
  label: string;
}

/** Where each section of the source begins, for the overview's scale. */
export interface Tick {
  at: number;
  label: string;
}

export interface Comparison {
  passages: PassageView[];
  source: Node<Mark>[];
  commentary: Node<Mark>[];
  omissionGroups: OmissionGroup[];
  bands: Band[];
  ticks: Tick[];
  coverage: Report['coverage'];
}
