import { checkDate, checkTitle, clean } from './add.js';
import { writeTransaction, type Db } from './database.js';
import { latestVersion, type Metadata } from './documents.js';
import { StoreError } from './errors.js';
import type { EditableField, MetadataEdit } from './types.js';

export const EDITABLE_FIELDS = [
  'title', 'date', 'author', 'issuer', 'url', 'language', 'licence', 'provenance',
] as const satisfies ReadonlyArray<EditableField>;

/**
 * Corrects the metadata of a document's latest version in place — never its text, which
 * would be a new version — and records each field given as edited by hand, so that loading
 * the corpus again keeps it (see `editedFields`). A field left out is kept; null or an empty
 * string clears it, except the title, which every document has. Checked as `add` checks the
 * same fields, with its sentences. False when there is no such document.
 */
export function editMetadata(db: Db, id: string, edit: MetadataEdit): boolean {
  const changes = checkEdit(edit);
  return writeTransaction(db, () => {
    const row = latestVersion(db, id);
    if (!row) return false;
    const fields = Object.keys(changes) as EditableField[];
    if (fields.length === 0) return true;
    const assignments = fields.map((f) => `${f} = @${f}`).join(', ');
    db.prepare(`UPDATE documents SET ${assignments} WHERE vid = @vid`).run({ ...changes, vid: row.vid });
    const record = db.prepare('INSERT OR REPLACE INTO edited_metadata (id, field, value, edited) VALUES (?, ?, ?, ?)');
    const now = new Date().toISOString();
    for (const field of fields) record.run(id, field, changes[field] ?? null, now);
    return true;
  });
}

/** The fields of a document a curator edited by hand, with the values they gave. */
export function editedFields(db: Db, id: string): Partial<Pick<Metadata, EditableField>> {
  const rows = db.prepare('SELECT field, value FROM edited_metadata WHERE id = ?').all(id) as Array<{ field: EditableField; value: string | null }>;
  const out: Partial<Record<EditableField, string | null>> = {};
  for (const { field, value } of rows) out[field] = value;
  return out as Partial<Pick<Metadata, EditableField>>;
}

/** Forgets a document's edits: it was deleted. */
export function forgetEdits(db: Db, id: string): void {
  db.prepare('DELETE FROM edited_metadata WHERE id = ?').run(id);
}

export type Changes = Partial<Record<EditableField, string | null>>;

export function checkEdit(edit: MetadataEdit): Changes {
  if (edit === null || typeof edit !== 'object') throw new StoreError('invalid', 'Give the fields to change as an object.');
  const unknown = Object.keys(edit).filter((k) => !(EDITABLE_FIELDS as readonly string[]).includes(k));
  if (unknown.includes('text')) {
    throw new StoreError('invalid', 'A document’s text is not edited: a new text is a new version of it (add it with the same id).');
  }
  if (unknown.length > 0) {
    throw new StoreError('invalid', `Only a document’s ${EDITABLE_FIELDS.join(', ')} can be edited, not ${unknown.map((k) => JSON.stringify(k)).join(', ')}.`);
  }
  const changes: Changes = {};
  for (const field of EDITABLE_FIELDS) {
    if (!(field in edit)) continue;
    const value = edit[field];
    if (value !== null && value !== undefined && typeof value !== 'string') {
      throw new StoreError('invalid', `The ${field} must be text.`);
    }
    if (value === undefined) continue;
    changes[field] = field === 'date' ? checkDate(value ?? undefined) : clean(value);
  }
  if ('title' in changes) {
    const title = changes.title;
    // An add without a title takes the text's first line; an edit has no text to take it from.
    if (title === null || title === undefined) throw new StoreError('invalid', 'The title is empty; every document has one.');
    checkTitle(title);
  }
  return changes;
}
