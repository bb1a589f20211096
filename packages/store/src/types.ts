import type { AlignmentReport, FoundPassage, NotFoundPassage, Passage, SourceSpan } from '@verbatim/core';
import type { VerifyResult } from './verify.js';

export type DocumentKind = 'source' | 'commentary';
export type DocumentFormat = 'text' | 'markdown' | 'html';
export type VerificationStatus = 'confirmed' | 'confirmed-in-part' | 'corrected' | 'unchecked';
export type EmphasisKind = 'emphasis' | 'strong';

/** Italics or bold the document carried before it became plain text: offsets into `text`. */
export interface EmphasisSpan {
  start: number;
  end: number;
  kind: EmphasisKind;
}

/** What a caller gives `add`. Exactly one of `text` and `bytes`. */
export interface AddInput {
  text?: string;
  /** Raw file content; must be UTF-8. */
  bytes?: Uint8Array;
  format: DocumentFormat;
  kind: DocumentKind;
  /** Stable id; giving the id of a stored document with other content adds a new version. */
  id?: string;
  title?: string;
  date?: string;
  author?: string;
  issuer?: string;
  url?: string;
  language?: string;
  licence?: string;
  provenance?: string;
  /**
   * Where an HTML page was fetched from: it resolves the page's relative canonical address,
   * and is the document's `url` when the page names none (and none is given).
   */
  pageUrl?: string;
}

/** The metadata a curator may correct by hand (`Store.edit`): never the text or the kind. */
export type EditableField = 'title' | 'date' | 'author' | 'issuer' | 'url' | 'language' | 'licence' | 'provenance';

/**
 * What `edit` changes: each field given is set (null or an empty string clears it, but the
 * title, which every document has, cannot be cleared); a field left out is kept.
 */
export type MetadataEdit = { title?: string } & { [K in Exclude<EditableField, 'title'>]?: string | null };

/** The fields that describe a version of a document, as a summary, a preview and a stored version each give them. */
export interface DocumentFields {
  format: DocumentFormat;
  title: string;
  date: string | null;
  author: string | null;
  issuer: string | null;
  url: string | null;
  language: string | null;
  licence: string | null;
}

/** What adding a document would store (`describeDocument`); nothing is stored. */
export interface DocumentPreview extends DocumentFields {
  provenance: string | null;
  sha256: string;
  /** Length of the plain text in UTF-16 code units. */
  length: number;
  paragraphs: number;
  /** The text from its first paragraph after the title line, white space run together, cut near 600 characters. */
  excerpt: string;
}

/** One version of a document, without its text. */
export interface DocumentSummary extends DocumentFields {
  id: string;
  version: number;
  /** How many versions the document has; `version` is the latest one unless asked otherwise. */
  versions: number;
  kind: DocumentKind;
  sha256: string;
  /** Length of the stored plain text in UTF-16 code units. */
  length: number;
  created: string;
  /** Alignments linking this version to latest versions of other documents. */
  alignments: number;
  /** Passages found in those alignments (not counting quotations not found). */
  passages: number;
}

/**
 * The order of the library: sources first, then by date — `date` oldest first, `-date` newest
 * first, undated documents after the dated ones either way —, then by title and id.
 */
export type DocumentOrder = 'date' | '-date';

/** Where a page of the library ended: the keys of its last document in the order. */
export interface ListPosition {
  kind: DocumentKind;
  date: string | null;
  title: string;
  id: string;
}

export interface DocumentListOptions {
  /** Only sources, or only commentaries. */
  kind?: DocumentKind;
  /** `date` by default. */
  order?: DocumentOrder;
  /** Documents on the page: 100 by default, at most 1,000. */
  limit?: number;
  /** The page after this position (a page's `next`); the first page without it. */
  after?: ListPosition;
}

/** A page of the library. */
export interface DocumentPage {
  documents: DocumentSummary[];
  /** Where the next page starts; null on the last page. */
  next: ListPosition | null;
  /** How many documents the listing holds over all its pages (of its kind, when asked for one). */
  total: number;
}

export interface StoredParagraph {
  ordinal: number;
  start: number;
  end: number;
  locator: string;
  section: string | null;
  title: boolean;
  text: string;
  verification: VerificationStatus | null;
  verificationNote: string | null;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  provenance: string | null;
  /** Metadata without a column of its own (a corpus file's `layout`, `dateNote`, …). */
  meta: Record<string, unknown>;
  paragraphs: StoredParagraph[];
  emphasis: EmphasisSpan[];
}

export type AddOutcome = 'added' | 'new-version' | 'existing';

export interface AddResult extends StoredDocument {
  /** `existing` when the same text was already stored: nothing was written. */
  outcome: AddOutcome;
  /**
   * The alignments the add left to the workers (a team server on PostgreSQL): each is made
   * soon by one of them. Empty where an add aligns before it returns (SQLite, the CLI).
   */
  pending: PendingAlignment[];
}

/** A pair of documents whose alignment a worker is yet to make. */
export interface PendingAlignment {
  sourceId: string;
  commentaryId: string;
}

/**
 * Where the alignment of the latest versions of a source and a commentary stands: made,
 * waiting for a worker, given up on by the workers (every try failed; `reason` is one
 * sentence for a user), or none of these (one of them is missing, or one quotes nothing of the other).
 */
export type AlignmentState = { state: 'ready' } | { state: 'pending' } | { state: 'failed'; reason: string } | { state: 'none' };

export interface DocumentVersion {
  version: number;
  sha256: string;
  title: string;
  length: number;
  created: string;
}

export interface DocumentRef {
  id: string;
  version: number;
  title: string;
  sha256: string;
  latest: boolean;
}

export interface AlignmentSummary {
  source: DocumentRef;
  commentary: DocumentRef;
  engineVersion: string;
  created: string;
  /** Passages found in the source. */
  passages: number;
  /** Quotations of at least four words the source does not contain. */
  notFound: number;
  coverage: AlignmentReport['coverage'];
}

/** A passage with the exact document versions it was aligned between. */
export interface PassageRecord {
  passage: Passage;
  alignment: AlignmentSummary;
  source: StoredDocument;
  commentary: StoredDocument;
}

export interface SearchOptions {
  /** At most this many hits (default 20, at most 1000). */
  limit?: number;
  /** Marks around matched words in `snippet` (default `**` … `**`). */
  highlight?: { open: string; close: string };
}

export interface SearchHit {
  documentId: string;
  title: string;
  kind: DocumentKind;
  version: number;
  locator: string;
  /** Paragraph offsets in the document text. */
  start: number;
  end: number;
  /** An excerpt of the paragraph with the matched words between the highlight marks. */
  snippet: string;
  /** The excerpt without marks, and where the matched words are in it. */
  excerpt: { text: string; highlights: Array<{ start: number; end: number }> };
}

/** What a search found, and how it read the query. */
export interface SearchResult {
  /**
   * `full-text`: the query was read as FTS5 syntax. `words`: FTS5 rejected it (an
   * unbalanced quotation mark or parenthesis, a stray operator), so the words in it
   * were searched for instead, each as written.
   */
  readAs: 'full-text' | 'words';
  /** The words searched for when `readAs` is `words`; null otherwise. */
  words: string[] | null;
  /** Paragraphs of sources first, then of commentaries; best match first within each. */
  hits: SearchHit[];
}

export interface Candidate {
  id: string;
  version: number;
  title: string;
  kind: DocumentKind;
  /** Word 4-grams the two texts have in common. */
  shared: number;
}

export type ProgressPhase = 'migrate' | 'corpus' | 'reindex' | 'realign' | 'remake';

export interface ProgressEvent {
  phase: ProgressPhase;
  done: number;
  total: number;
  /** The document just handled, when there is one. */
  documentId?: string;
  /** Something a user should know (a corpus file whose checksum disagrees with its metadata). */
  warning?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

export interface RealignResult {
  commentaries: number;
  alignments: number;
  /** Alignments of older versions another engine had made, made again. */
  remade: number;
  /**
   * On a team server (queued alignment): the pairs sent to the workers to align (no report
   * yet, or given up on before), and the reports another engine made sent to be made again.
   * `alignments` then counts the reports kept as they were.
   */
  queued?: { alignments: number; remakes: number };
}

/** A pair of a document's that has no report yet on a team server: waiting for a worker, or given up on by the workers, with why. */
export type WaitingAlignment = PendingAlignment & ({ state: 'pending' } | { state: 'failed'; reason: string });

/** A stored alignment that another engine made, by the two versions it aligns. */
export interface OutdatedAlignment {
  source: { id: string; version: number };
  commentary: { id: string; version: number };
  /** The engine that made it (`@verbatim/core@0.1.0`). */
  engineVersion: string;
}

export interface RemakeResult {
  /** How many alignments another engine had made. */
  outdated: number;
  /** Made again by this engine. */
  remade: number;
  /** Dropped: this engine finds no passage linking the two. */
  unlinked: number;
  /** On a team server (queued alignment), sent to the workers to make again instead. */
  queued?: number;
}

export interface CorpusReport {
  added: string[];
  newVersions: string[];
  unchanged: string[];
  /** Ids deleted by a user, which the corpus does not bring back. */
  skipped: string[];
  warnings: string[];
}

/** The stored source a checked quotation comes from (its latest version). */
export interface CheckSource {
  id: string;
  version: number;
  title: string;
  date: string | null;
  author: string | null;
  issuer: string | null;
  url: string | null;
  sha256: string;
}

/**
 * A quotation or borrowing of a checked text with its verdict: a passage of the alignment
 * report (offsets into the checked text as `commentary`, into the source as `source`) and
 * the source document it was found in, or none when no source of the corpus has it.
 */
export type CheckedPassage =
  | (Omit<FoundPassage, 'candidates'> & {
      document: CheckSource;
      /** Locators of the source paragraphs it quotes that nobody has checked against the official text. */
      unverified: string[];
      /**
       * Present when two or more places fit the passage equally well — in one source (as an
       * alignment's candidates) or in several: every one with its document, `document` and
       * `source` first. The evidence cannot tell which was quoted, so none is chosen by chance.
       */
      candidates?: CheckPlace[];
    })
  | (NotFoundPassage & { document: null; unverified: [] });

/** One source place a checked passage fits, and the document it is in. */
export interface CheckPlace extends SourceSpan {
  document: CheckSource;
}

/** What checking a text against the whole corpus found. Nothing of it is stored. */
export interface CheckResult {
  engineVersion: string;
  text: { length: number; sha256: string };
  /** The sources of the corpus, every one of which was searched (through the indexes). */
  sourcesSearched: number;
  /** The few candidate sources the indexes named, each aligned with the text. */
  sourcesAligned: number;
  /** In text order; empty when the text quotes nothing (no quotation marks, no borrowing). */
  passages: CheckedPassage[];
  /** Milliseconds spent finding candidate sources, and aligning the text with them. */
  timing: { candidates: number; alignment: number };
}

/**
 * Where a verification a team server's workers run stands: waiting for a worker, done with
 * its result (what `verify` answers on SQLite), or failed with why, in one sentence.
 */
export type VerificationState =
  | { state: 'pending'; documentId: string }
  | { state: 'done'; documentId: string; result: VerifyResult }
  | { state: 'failed'; documentId: string; reason: string };

/** A verification left to a team server's workers: its id, for `Store.verification`. */
export interface QueuedVerification {
  queued: string;
}
