import type pg from 'pg';
import type { Metadata } from '../documents.js';
import { checkEdit } from '../edit.js';
import type { EditableField, MetadataEdit } from '../types.js';
import { latestVersion } from './documents.js';
import { LOCKS, rows, transaction, type Queryable } from './pool.js';

/**
 * Corrects the metadata of a document's latest version in place and records each field given
 * as edited by hand: the SQLite store's `editMetadata`, with its checks. False when there is
 * no such document. Under the write lock, so that it never races an add making a new version.
 */
export async function editMetadata(pool: pg.Pool, id: string, edit: MetadataEdit): Promise<boolean> {
  const changes = checkEdit(edit);
  return transaction(
    pool,
    async (client) => {
      const row = await latestVersion(client, id);
      if (!row) return false;
      const fields = Object.keys(changes) as EditableField[];
      if (fields.length === 0) return true;
      const assignments = fields.map((f, i) => `${f} = $${i + 2}`).join(', ');
      await client.query(`UPDATE documents SET ${assignments} WHERE vid = $1`, [row.vid, ...fields.map((f) => changes[f] ?? null)]);
      await client.query(
        `INSERT INTO edited_metadata (id, field, value, edited)
         SELECT $1, f, v, $4 FROM unnest($2::text[], $3::text[]) AS e(f, v)
         ON CONFLICT (id, field) DO UPDATE SET value = excluded.value, edited = excluded.edited`,
        [id, fields, fields.map((f) => changes[f] ?? null), new Date().toISOString()],
      );
      return true;
    },
    { lock: LOCKS.write },
  );
}

/** The fields of a document a curator edited by hand, with the values they gave. */
export async function editedFields(db: Queryable, id: string): Promise<Partial<Pick<Metadata, EditableField>>> {
  const found = await rows<{ field: EditableField; value: string | null }>(db, 'SELECT field, value FROM edited_metadata WHERE id = $1', [id]);
  return Object.fromEntries(found.map((r) => [r.field, r.value])) as Partial<Pick<Metadata, EditableField>>;
}
