import { cached, type Db } from './database.js';
import { addPairs, checkVid, removePairs } from './shingle-index.js';

/**
 * Makes a version findable: its paragraphs in the full-text index and its shingles in the
 * candidate table. Only a document's latest version is indexed, so a new version takes
 * the place of the old one here while the old one stays stored.
 */
export function indexVersion(db: Db, vid: number, text: string, hashes: readonly number[], batch?: HeldIn): void {
  const paragraphs = cached(db, 'SELECT rowid, start, "end" FROM paragraphs WHERE vid = ?')
    .all(vid) as Array<{ rowid: number; start: number; end: number }>;
  // The index keeps no copy of the text (migration 8): it reads it back from the document
  // when a snippet needs it, and is given it here, as FTS5's external content must be.
  const addFts = cached(db, 'INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)');
  for (const p of paragraphs) addFts.run(p.rowid, text.slice(p.start, p.end));
  if (batch) batch.shingles.hold(vid, hashes, batch.place);
  else {
    const own = new ShingleBatch(db);
    own.hold(vid, hashes);
    own.write();
  }
  // An upsert, not INSERT OR REPLACE: a replace on a table with a foreign key, foreign keys
  // on, takes a statement journal, which cost a bulk load a tenth of its time.
  cached(db, 'INSERT INTO version_shingles (vid, hashes) VALUES (?, ?) ON CONFLICT (vid) DO UPDATE SET hashes = excluded.hashes')
    .run(vid, encodeShingles(hashes));
}

/** Where a version of a bulk load's batch holds its shingle rows: the batch's, and its place in it. */
export interface HeldIn {
  shingles: ShingleBatch;
  place: number;
}

/** 2^21: a version's place in its batch fits below it, its hash above it, exactly in a double. */
const SLOT = 2_097_152;

/**
 * A batch's shingle rows sorted, each as one number: the hash above SLOT, the document's
 * place in the batch below. Made while the batch is prepared, on the caller's thread, so that
 * the writer thread need not sort them; undefined for a batch too long for its places to fit.
 */
export function sortedShingleKeys(hashesByPlace: ReadonlyArray<readonly number[] | undefined>): Float64Array | undefined {
  if (hashesByPlace.length > SLOT) return undefined;
  let rows = 0;
  for (const hashes of hashesByPlace) rows += hashes?.length ?? 0;
  const keys = new Float64Array(rows);
  let n = 0;
  hashesByPlace.forEach((hashes, place) => {
    for (const hash of hashes ?? []) keys[n++] = hash * SLOT + place;
  });
  return keys.sort();
}

/**
 * The shingle rows of a bulk load's batch, held back and written together, sorted by hash,
 * as one segment of the shingle index (shingle-index.ts) rather than a document at a time.
 * Whoever reads the shingle index inside the batch (a candidate search, a new version
 * unindexing its old one) writes them first.
 */
export class ShingleBatch {
  readonly #db: Db;
  /** The whole batch's rows, sorted while it was prepared (`sortedShingleKeys`), if they were. */
  readonly #sorted: Float64Array | undefined;
  readonly #held: Array<{ vid: number; hashes: readonly number[]; place: number | undefined }> = [];
  #rows = 0;

  constructor(db: Db, sorted?: Float64Array) {
    this.#db = db;
    this.#sorted = sorted;
  }

  /** `place` is the document's place in the batch whose rows `sorted` holds. */
  hold(vid: number, hashes: readonly number[], place?: number): void {
    if (this.#held.length === SLOT) this.write();
    this.#held.push({ vid, hashes, place });
    this.#rows += hashes.length;
  }

  get empty(): boolean {
    return this.#rows === 0;
  }

  write(): void {
    if (!this.empty) this.#insert(this.#keys());
    this.#held.length = 0;
    this.#rows = 0;
  }

  /**
   * The rows held, sorted, and the vid of each place below SLOT. The batch's own sorted rows
   * when they hold these (a pass over all of them, skipping places not held): only worth it
   * for at least half of them, as when a batch of one kind writes its rows at its end.
   */
  #keys(): { keys: Float64Array; vids: ArrayLike<number> } {
    const sorted = this.#sorted;
    if (sorted && 2 * this.#rows >= sorted.length && this.#held.every((h) => h.place !== undefined)) {
      let places = 0;
      for (const h of this.#held) places = Math.max(places, h.place! + 1);
      // NaN where no document is held: any vid SQLite gives, 0 and negative ones included, is a number.
      const vids = new Float64Array(places).fill(Number.NaN);
      for (const h of this.#held) vids[h.place!] = h.vid;
      return { keys: sorted, vids };
    }
    const keys = new Float64Array(this.#rows);
    let n = 0;
    this.#held.forEach(({ hashes }, place) => {
      for (const hash of hashes) keys[n++] = hash * SLOT + place;
    });
    return { keys: keys.sort(), vids: this.#held.map((h) => h.vid) };
  }

  /** Rows whose place has no vid (NaN, or past the last held) are another write's, or no document's. */
  #insert({ keys, vids }: { keys: Float64Array; vids: ArrayLike<number> }): void {
    const hashes = new Uint32Array(keys.length);
    const owners = new Uint32Array(keys.length);
    let n = 0;
    for (const key of keys) {
      const place = key % SLOT;
      const vid = vids[place];
      if (vid === undefined || Number.isNaN(vid)) continue;
      hashes[n] = (key - place) / SLOT;
      owners[n++] = checkVid(vid);
    }
    addPairs(this.#db, { hashes: hashes.subarray(0, n), vids: owners.subarray(0, n) });
  }
}

/**
 * Takes a version out of the indexes, if it is in them (it is while it has its list of
 * shingles): before its rows go, if they go, since the full-text index finds the words to
 * remove in the version's own text. The full-text index must never be asked to remove a
 * paragraph it does not hold, such as an older version's: it would take that for a corrupt
 * index.
 */
export function unindexVersion(db: Db, vid: number): void {
  const blob = db.prepare('SELECT hashes FROM version_shingles WHERE vid = ?').pluck().get(vid) as Buffer | undefined;
  if (!blob) return;
  db.prepare('DELETE FROM paragraphs_fts WHERE rowid IN (SELECT rowid FROM paragraphs WHERE vid = ?)').run(vid);
  removePairs(db, vid, decode(blob));
  db.prepare('DELETE FROM version_shingles WHERE vid = ?').run(vid);
}

/** The shingles a version was indexed with (not recomputed: the engine may have changed since). */
export function storedShingles(db: Db, vid: number): number[] {
  const blob = db.prepare('SELECT hashes FROM version_shingles WHERE vid = ?').pluck().get(vid) as Buffer | undefined;
  return blob ? decode(blob) : [];
}

/** Hashes are unsigned 32-bit numbers: four little-endian bytes each, whatever the machine. */
export function encodeShingles(hashes: readonly number[]): Buffer {
  // A little-endian machine (almost every one) has them in that order already.
  if (LITTLE_ENDIAN) return Buffer.from(Uint32Array.from(hashes).buffer);
  const blob = Buffer.alloc(hashes.length * 4);
  hashes.forEach((hash, i) => blob.writeUInt32LE(hash, i * 4));
  return blob;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function decode(blob: Buffer): number[] {
  return Array.from({ length: blob.length / 4 }, (_, i) => blob.readUInt32LE(i * 4));
}
