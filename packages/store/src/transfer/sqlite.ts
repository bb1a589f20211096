import { shingles, type AlignmentReport } from '@verbatim/core';
import { insertPassages } from '../alignments.js';
import { writeTransaction, type Db } from '../database.js';
import { insertEmphasis, insertVersion, utf8Ranges, type VersionRow } from '../documents.js';
import { StoreError } from '../errors.js';
import { mergeSegments } from '../shingle-index.js';
import { indexVersion, ShingleBatch } from '../text-index.js';
import type { EmphasisSpan, VerificationStatus } from '../types.js';
import { checkText, refuseUnlessEmpty, versionKey, vidOf } from './checks.js';
import { alignmentRecord, versionRecord, type AlignmentRecordRow } from './shape.js';
import type { CorpusRecord, DeletionRecord, EditRecord, ParagraphRecord, VersionRecord } from './records.js';

/**
 * Every record of a SQLite corpus, read in one read transaction so that what is written out
 * is one moment's corpus even while another process writes. Versions come in the order they
 * were stored (by `vid`), alignments likewise, deletions by id.
 */
export async function* exportSqlite(db: Db): AsyncGenerator<CorpusRecord> {
  const own = !db.inTransaction;
  // A deferred transaction takes its snapshot at the first read, and holds it to the end.
  if (own) db.exec('BEGIN');
  try {
    const vids = db.prepare('SELECT vid FROM documents ORDER BY vid').pluck().all() as number[];
    const row = db.prepare('SELECT * FROM documents WHERE vid = ?');
    const paragraphs = db.prepare(
      `SELECT start, "end", locator, section, is_title, verification, verification_note
       FROM paragraphs WHERE vid = ? ORDER BY ordinal`,
    );
    const emphasis = db.prepare('SELECT start, "end", kind FROM emphasis WHERE vid = ? ORDER BY start, "end", kind');
    for (const vid of vids) {
      const shaped = (paragraphs.all(vid) as ParagraphRow[]).map(
        (p): ParagraphRecord => ({
          start: p.start,
          end: p.end,
          locator: p.locator,
          section: p.section,
          title: p.is_title === 1,
          verification: p.verification,
          verificationNote: p.verification_note,
        }),
      );
      yield versionRecord(row.get(vid) as VersionRow, shaped, emphasis.all(vid) as EmphasisSpan[]);
    }

    const alignmentIds = db.prepare('SELECT id FROM alignments ORDER BY id').pluck().all() as number[];
    const alignment = db.prepare(
      `SELECT s.id AS source_id, s.version AS source_version, c.id AS commentary_id, c.version AS commentary_version,
              a.engine_version, a.created, a.report
       FROM alignments a JOIN documents s ON s.vid = a.source_vid JOIN documents c ON c.vid = a.commentary_vid
       WHERE a.id = ?`,
    );
    const passages = db.prepare('SELECT id FROM passages WHERE alignment_id = ? ORDER BY ordinal').pluck();
    for (const id of alignmentIds) {
      yield alignmentRecord(alignment.get(id) as AlignmentRecordRow, passages.all(id) as string[]);
    }

    const deletions = db.prepare('SELECT id, deleted FROM deleted_documents ORDER BY id').all() as Array<Omit<DeletionRecord, 'type'>>;
    for (const d of deletions) yield { type: 'deletion', id: d.id, deleted: d.deleted };

    const edits = db.prepare('SELECT id, field, value, edited FROM edited_metadata ORDER BY id, field').all() as Array<Omit<EditRecord, 'type'>>;
    for (const e of edits) yield { type: 'edit', id: e.id, field: e.field, value: e.value, edited: e.edited };
  } finally {
    if (own && db.inTransaction) db.exec('COMMIT');
  }
}

interface ParagraphRow {
  start: number;
  end: number;
  locator: string;
  section: string | null;
  is_title: number;
  verification: VerificationStatus | null;
  verification_note: string | null;
}

/**
 * Writes a corpus's records into an empty SQLite store in one transaction, then indexes the
 * latest version of each document for search and candidates as an add does. Reports are
 * stored as they were made, not made again. Refuses (StoreError) a store that holds anything
 * and a version whose text does not have its SHA-256; either way nothing is written.
 */
export async function importSqlite(db: Db, records: AsyncIterable<CorpusRecord>, location: string): Promise<void> {
  // better-sqlite3 writes synchronously in one transaction: the records are gathered first.
  const all: CorpusRecord[] = [];
  for await (const record of records) all.push(record);
  writeTransaction(db, () => {
    const held = db.prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM deleted_documents) + (SELECT count(*) FROM edited_metadata)');
    refuseUnlessEmpty(held.pluck().get() as number, location);
    const vids = new Map<string, number>();
    const latest = new Map<string, VersionRecord & { vid: number }>();
    const insertParagraph = db.prepare(
      `INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title, verification, verification_note, text_offset, text_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAlignment = db.prepare(
      'INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created) VALUES (?, ?, ?, ?, ?)',
    );
    for (const record of all) {
      if (record.type === 'version') {
        checkText(record);
        const { type: _, paragraphs, emphasis, created, ...row } = record;
        const vid = insertVersion(db, row, created);
        const bytes = utf8Ranges(record.text, paragraphs);
        paragraphs.forEach((p, i) =>
          insertParagraph.run(vid, i + 1, p.start, p.end, p.locator, p.section, p.title ? 1 : 0, p.verification, p.verificationNote, bytes[i]!.offset, bytes[i]!.bytes),
        );
        insertEmphasis(db, vid, emphasis);
        vids.set(versionKey(record), vid);
        if ((latest.get(record.id)?.version ?? 0) < record.version) latest.set(record.id, { ...record, vid });
      } else if (record.type === 'alignment') {
        const sourceVid = vidOf(vids, record.source);
        const commentaryVid = vidOf(vids, record.commentary);
        const info = insertAlignment.run(sourceVid, commentaryVid, record.engineVersion, record.report, record.created);
        insertPassages(db, Number(info.lastInsertRowid), (JSON.parse(record.report) as AlignmentReport).passages);
      } else if (record.type === 'deletion') {
        db.prepare('INSERT INTO deleted_documents (id, deleted) VALUES (?, ?)').run(record.id, record.deleted);
      } else {
        db.prepare('INSERT INTO edited_metadata (id, field, value, edited) VALUES (?, ?, ?, ?)').run(record.id, record.field, record.value, record.edited);
      }
    }
    // Held and written a thousand versions at a time, each thousand a segment of the shingle
    // index as a bulk load's batch is, not one small write per version.
    const shingleRows = new ShingleBatch(db);
    let place = 0;
    for (const v of latest.values()) {
      indexVersion(db, v.vid, v.text, shingles(v.text), { shingles: shingleRows, place: place++ });
      if (place % 1000 === 0) shingleRows.write();
    }
    shingleRows.write();
  });
  mergeSegments(db);
}
