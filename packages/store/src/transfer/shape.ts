import type { VersionRow } from '../documents.js';
import type { EmphasisSpan } from '../types.js';
import type { AlignmentRecord, ParagraphRecord, VersionRecord } from './records.js';

/**
 * A stored version as a record, its fields named one by one: each engine's row has columns of
 * its own (PostgreSQL's `length`, its paragraphs' text) that are not part of the corpus.
 */
export function versionRecord(row: VersionRow, paragraphs: ParagraphRecord[], emphasis: readonly EmphasisSpan[]): VersionRecord {
  return {
    type: 'version',
    id: row.id,
    version: row.version,
    kind: row.kind,
    format: row.format,
    title: row.title,
    date: row.date,
    author: row.author,
    issuer: row.issuer,
    url: row.url,
    language: row.language,
    licence: row.licence,
    provenance: row.provenance,
    meta: row.meta,
    sha256: row.sha256,
    text: row.text,
    created: row.created,
    paragraphs,
    emphasis: emphasis.map((e) => ({ start: e.start, end: e.end, kind: e.kind })),
  };
}


/** An alignment as both engines select it: the two versions named by document id and number. */
export interface AlignmentRecordRow {
  source_id: string;
  source_version: number;
  commentary_id: string;
  commentary_version: number;
  engine_version: string;
  created: string;
  report: string;
}

export function alignmentRecord(a: AlignmentRecordRow, passages: string[]): AlignmentRecord {
  return {
    type: 'alignment',
    source: { id: a.source_id, version: a.source_version },
    commentary: { id: a.commentary_id, version: a.commentary_version },
    engineVersion: a.engine_version,
    created: a.created,
    report: a.report,
    passages,
  };
}
