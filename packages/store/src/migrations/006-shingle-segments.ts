import type { Migration } from './migration.js';

/**
 * The shingle index as segments of blocks (shingle-index.ts) instead of one b-tree keyed by
 * hash, which every batch of a bulk load rewrote nearly whole once the corpus was large. The
 * rows of the old table become one segment, read and written a sixteenth of the hash space at
 * a time so that a large corpus is never held in memory; then the old table goes. With its own
 * statements and encoding, so that it never changes with the code.
 */
export const shingleSegments: Migration = {
  version: 6,
  name: 'shingle index in segments',
  up(db) {
    db.exec(`
      -- A segment: a sorted run of (hash, vid) pairs; a block of it holds the hashes whose top
      -- bits (hash >> shift) are its number.
      CREATE TABLE shingle_segments (
        seg   INTEGER PRIMARY KEY,
        rows  INTEGER NOT NULL CHECK (rows >= 0),
        shift INTEGER NOT NULL CHECK (shift BETWEEN 8 AND 28)
      );
      -- id = seg * 2^24 + block: a segment's blocks are one range of rowids, found by a seek.
      -- pairs: the block's hashes, then their vids, four little-endian bytes each, by hash.
      CREATE TABLE shingle_blocks (
        id    INTEGER PRIMARY KEY,
        pairs BLOB NOT NULL
      );
    `);
    const rows = db.prepare('SELECT count(*) FROM shingles').pluck().get() as number;
    if (rows > 0) {
      const bits = Math.ceil(Math.log2(Math.max(1, Math.max(rows, 2 ** 18) / 256)));
      const shift = Math.min(28, Math.max(8, 32 - bits));
      db.prepare('INSERT INTO shingle_segments (seg, rows, shift) VALUES (1, ?, ?)').run(rows, shift);
      const read = db.prepare('SELECT hash, vid FROM shingles WHERE hash >= ? AND hash < ? ORDER BY hash, vid').raw();
      const insert = db.prepare('INSERT INTO shingle_blocks (id, pairs) VALUES (?, ?)');
      for (let slice = 0; slice < 16; slice++) {
        const pairs = read.all(slice * 2 ** 28, (slice + 1) * 2 ** 28) as Array<[number, number]>;
        for (let start = 0; start < pairs.length; ) {
          const block = pairs[start]![0] >>> shift;
          let end = start + 1;
          while (end < pairs.length && pairs[end]![0] >>> shift === block) end++;
          const blob = Buffer.alloc(8 * (end - start));
          for (let k = start; k < end; k++) {
            blob.writeUInt32LE(pairs[k]![0], 4 * (k - start));
            blob.writeUInt32LE(pairs[k]![1], 4 * (end - start + k - start));
          }
          insert.run(2 ** 24 + block, blob);
          start = end;
        }
      }
    }
    db.exec('DROP TABLE shingles');
  },
};
