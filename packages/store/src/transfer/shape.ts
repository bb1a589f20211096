import type { VersionRow } from '../documents.js';
import type { EmphasisSpan } from '../types.js';
import type { ParagraphRecord, VersionRecord } from './records.js';

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

