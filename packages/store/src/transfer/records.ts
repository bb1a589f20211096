import type { VersionRow } from '../documents.js';
import type { EmphasisSpan, VerificationStatus } from '../types.js';

/**
 * A corpus as either engine writes it out and reads it in (`exportCorpus`, `importCorpus`):
 * every stored row that is not an index, in an order both engines give alike — versions in
 * the order they were stored, then alignments, deletions and fields edited by hand — so that
 * two stores holding the same corpus give the same records and one digest says so.
 */
export type CorpusRecord = VersionRecord | AlignmentRecord | DeletionRecord | EditRecord;

/**
 * One version of a document, whole: its row of `documents` (`meta` the stored JSON, as
 * stored) and what `paragraphs` and `emphasis` hold of it.
 */
export interface VersionRecord extends Omit<VersionRow, 'vid'> {
  type: 'version';
  /** In order; offsets into `text`. */
  paragraphs: ParagraphRecord[];
  emphasis: EmphasisSpan[];
}

export interface ParagraphRecord {
  start: number;
  end: number;
  locator: string;
  section: string | null;
  title: boolean;
  verification: VerificationStatus | null;
  verificationNote: string | null;
}

/** A stored report between two versions, named by document id and version number. */
export interface AlignmentRecord {
  type: 'alignment';
  source: { id: string; version: number };
  commentary: { id: string; version: number };
  engineVersion: string;
  created: string;
  /** The report's JSON exactly as stored: copied, not made again. */
  report: string;
  /**
   * The ids of the report's passages as the passage table holds them, in order: written out so
   * that a copy missing that table's rows does not digest as the original.
   */
  passages: string[];
}

/** A document a user deleted, remembered so that reloading the corpus does not bring it back. */
export interface DeletionRecord {
  type: 'deletion';
  id: string;
  deleted: string;
}

/** A metadata field a curator corrected by hand (`Store.edit`), kept over the corpus files. */
export interface EditRecord {
  type: 'edit';
  id: string;
  field: string;
  value: string | null;
  edited: string;
}

/** What a store holds, counted, and the SHA-256 of all its records. */
export interface CorpusDigest {
  documents: number;
  versions: number;
  paragraphs: number;
  /** Paragraphs with a verification status. */
  verified: number;
  emphasis: number;
  alignments: number;
  passages: number;
  deletions: number;
  /** Metadata fields edited by hand. */
  edits: number;
  /** Of every record's JSON, one a line, in order. */
  sha256: string;
}
