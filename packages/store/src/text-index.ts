import { cached, type Db } from './database.js';

/**
 * Makes a version findable: its paragraphs in the full-text index and its shingles in the
 * candidate table. Only a document's latest version is indexed, so a new version takes
 * the place of the old one here while the old one stays stored.
 */
export function indexVersion(db: Db, vid: number, id: string, text: string, hashes: readonly number[]): void {
  const paragraphs = cached(db, 'SELECT rowid, start, "end", locator FROM paragraphs WHERE vid = ?')
    .all(vid) as Array<{ rowid: number; start: number; end: number; locator: string }>;
  const addFts = cached(db, 'INSERT INTO paragraphs_fts (rowid, document_id, locator, text) VALUES (?, ?, ?, ?)');
  for (const p of paragraphs) addFts.run(p.rowid, id, p.locator, text.slice(p.start, p.end));
  // One statement for all of a version's shingles: a call per shingle cost more than the insert.
  cached(db, 'INSERT OR IGNORE INTO shingles (hash, vid) SELECT value, ? FROM json_each(?)').run(vid, JSON.stringify(hashes));
  cached(db, 'INSERT OR REPLACE INTO version_shingles (vid, hashes) VALUES (?, ?)').run(vid, encodeShingles(hashes));
}

export function unindexVersion(db: Db, vid: number): void {
  db.prepare('DELETE FROM paragraphs_fts WHERE rowid IN (SELECT rowid FROM paragraphs WHERE vid = ?)').run(vid);
  const remove = db.prepare('DELETE FROM shingles WHERE hash = ? AND vid = ?');
  for (const hash of storedShingles(db, vid)) remove.run(hash, vid);
  db.prepare('DELETE FROM version_shingles WHERE vid = ?').run(vid);
}

/** The shingles a version was indexed with (not recomputed: the engine may have changed since). */
export function storedShingles(db: Db, vid: number): number[] {
  const blob = db.prepare('SELECT hashes FROM version_shingles WHERE vid = ?').pluck().get(vid) as Buffer | undefined;
  return blob ? decode(blob) : [];
}

/** Hashes are unsigned 32-bit numbers: four little-endian bytes each, whatever the machine. */
export function encodeShingles(hashes: readonly number[]): Buffer {
  const blob = Buffer.alloc(hashes.length * 4);
  hashes.forEach((hash, i) => blob.writeUInt32LE(hash, i * 4));
  return blob;
}

function decode(blob: Buffer): number[] {
  return Array.from({ length: blob.length / 4 }, (_, i) => blob.readUInt32LE(i * 4));
}
