import { shingles, type AlignmentReport } from '@verbatim/core';
import type pg from 'pg';
import type { VersionRow } from '../documents.js';
import { checkText, refuseUnlessEmpty, versionKey, vidOf } from '../transfer/checks.js';
import type { CorpusRecord, EditRecord, ParagraphRecord, VersionRecord } from '../transfer/records.js';
import { alignmentRecord, versionRecord, type AlignmentRecordRow } from '../transfer/shape.js';
import type { EmphasisSpan, VerificationStatus } from '../types.js';
import { insertPassages } from './alignments.js';
import { indexShingles } from './candidates.js';
import { insertEmphasis, insertVersion } from './documents.js';
import { LOCKS, row, rows, transaction } from './pool.js';

/**
 * Every record of a PostgreSQL corpus, in the SQLite store's order and byte order (ids sorted
 * by code point, `COLLATE "C"`, as SQLite sorts them), read in one repeatable-read transaction:
 * one moment's corpus while other servers write.
 */
export async function* exportPostgres(pool: pg.Pool): AsyncGenerator<CorpusRecord> {
  const client = await pool.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    const vids = (await rows<{ vid: number }>(client, 'SELECT vid FROM documents ORDER BY vid')).map((r) => r.vid);
    for (const vid of vids) {
      const version = (await row<VersionRow>(client, 'SELECT * FROM documents WHERE vid = $1', [vid]))!;
      const paragraphs = await rows<ParagraphRow>(
        client,
        'SELECT start, "end", locator, section, is_title, verification, verification_note FROM paragraphs WHERE vid = $1 ORDER BY ordinal',
        [vid],
      );
      const emphasis = await rows<EmphasisSpan>(
        client,
        'SELECT start, "end", kind FROM emphasis WHERE vid = $1 ORDER BY start, "end", kind COLLATE "C"',
        [vid],
      );
      yield versionRecord(version, paragraphs.map(paragraphRecord), emphasis);
    }

    const alignments = await rows<AlignmentRow>(
      client,
      `SELECT a.id, s.id AS source_id, s.version AS source_version, c.id AS commentary_id, c.version AS commentary_version,
              a.engine_version, a.created, a.report
       FROM alignments a JOIN documents s ON s.vid = a.source_vid JOIN documents c ON c.vid = a.commentary_vid
       ORDER BY a.id`,
    );
    for (const a of alignments) {
      const passages = await rows<{ id: string }>(client, 'SELECT id FROM passages WHERE alignment_id = $1 ORDER BY ordinal', [a.id]);
      yield alignmentRecord(a, passages.map((p) => p.id));
    }

    for (const d of await rows<{ id: string; deleted: string }>(client, 'SELECT id, deleted FROM deleted_documents ORDER BY id COLLATE "C"')) {
      yield { type: 'deletion', id: d.id, deleted: d.deleted };
    }
    const edits = await rows<Omit<EditRecord, 'type'>>(client, 'SELECT id, field, value, edited FROM edited_metadata ORDER BY id COLLATE "C", field COLLATE "C"');
    for (const e of edits) yield { type: 'edit', id: e.id, field: e.field, value: e.value, edited: e.edited };
    await client.query('COMMIT');
    open = false;
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/**
 * Writes a corpus's records into an empty PostgreSQL store in one transaction under the write
 * lock (no add interleaves), then makes the latest version of each document a candidate, as
 * an add does; the search index is PostgreSQL's generated column. Reports are copied, not made
 * again. Refuses a store holding anything, and a damaged text, having written nothing.
 */
export async function importPostgres(pool: pg.Pool, records: AsyncIterable<CorpusRecord>, location: string): Promise<void> {
  await transaction(
    pool,
    async (client) => {
      const held = await row<{ n: number }>(
        client,
        'SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM deleted_documents) + (SELECT count(*) FROM edited_metadata) AS n',
      );
      refuseUnlessEmpty(held!.n, location);
      const vids = new Map<string, number>();
      const latest = new Map<string, VersionRecord & { vid: number }>();
      for await (const record of records) {
        if (record.type === 'version') {
          checkText(record);
          const { type: _, paragraphs, emphasis, created, ...version } = record;
          const vid = await insertVersion(client, version, created);
          await insertParagraphRecords(client, vid, record.text, paragraphs);
          await insertEmphasis(client, vid, emphasis);
          vids.set(versionKey(record), vid);
          if ((latest.get(record.id)?.version ?? 0) < record.version) latest.set(record.id, { ...record, vid });
        } else if (record.type === 'alignment') {
          const inserted = await row<{ id: number }>(
            client,
            `INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created)
             VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [vidOf(vids, record.source), vidOf(vids, record.commentary), record.engineVersion, record.report, record.created],
          );
          await insertPassages(client, inserted!.id, JSON.parse(record.report) as AlignmentReport);
        } else if (record.type === 'deletion') {
          await client.query('INSERT INTO deleted_documents (id, deleted) VALUES ($1, $2)', [record.id, record.deleted]);
        } else {
          await client.query('INSERT INTO edited_metadata (id, field, value, edited) VALUES ($1, $2, $3, $4)', [record.id, record.field, record.value, record.edited]);
        }
      }
      await indexShingles(client, [...latest.values()].map((v) => ({ vid: v.vid, kind: v.kind, hashes: shingles(v.text) })));
    },
    { lock: LOCKS.write },
  );
}

/** Paragraphs with their verification, in one statement; each keeps its own text, which PostgreSQL indexes. */
async function insertParagraphRecords(db: pg.PoolClient, vid: number, text: string, paragraphs: readonly ParagraphRecord[]): Promise<void> {
  if (paragraphs.length === 0) return;
  const column = <T>(f: (p: ParagraphRecord) => T) => paragraphs.map(f);
  await db.query(
    `INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title, text, verification, verification_note)
     SELECT $1::bigint, ordinality, s, e, l, sec, t, txt, v, n
     FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[])
       WITH ORDINALITY AS p(s, e, l, sec, t, txt, v, n, ordinality)`,
    [
      vid,
      column((p) => p.start),
      column((p) => p.end),
      column((p) => p.locator),
      column((p) => p.section),
      column((p) => p.title),
      column((p) => text.slice(p.start, p.end)),
      column((p) => p.verification),
      column((p) => p.verificationNote),
    ],
  );
}

interface ParagraphRow {
  start: number;
  end: number;
  locator: string;
  section: string | null;
  is_title: boolean;
  verification: VerificationStatus | null;
  verification_note: string | null;
}

function paragraphRecord(p: ParagraphRow): ParagraphRecord {
  return {
    start: p.start,
    end: p.end,
    locator: p.locator,
    section: p.section,
    title: p.is_title,
    verification: p.verification,
    verificationNote: p.verification_note,
  };
}

interface AlignmentRow extends AlignmentRecordRow {
  id: number;
}
