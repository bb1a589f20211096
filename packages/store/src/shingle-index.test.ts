import { shingles } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { migrate } from './migrations/index.js';
import { random } from './test-support/decoys.js';
import { statementText } from './test-support/corpus.js';
import {
  addPairs,
  dueMerge,
  lookupPairs,
  MERGE_FAN_IN,
  mergeSegments,
  pairCount,
  removePairs,
  SMALL_SEGMENT_ROWS,
  type ShinglePairs,
} from './shingle-index.js';

function freshDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

/** `rows` pairs of versions from `firstVid` on, each holding `perVid` hashes, sorted by hash as a batch writes them. */
function batchOf(next: () => number, firstVid: number, rows: number, perVid = 300): { pairs: ShinglePairs; byVid: Map<number, number[]> } {
  const byVid = new Map<number, number[]>();
  const keys = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = Math.floor(i / perVid);
    const k = i % perVid;
    // Three hashes of fifty shared by many versions (a much-quoted paragraph), the rest spread out.
    const hash = k < 3 ? ((firstVid + offset) * 3 + k) % 50 * 85_899_345 : Math.floor(next() * 2 ** 32);
    const own = byVid.get(firstVid + offset) ?? [];
    own.push(hash);
    byVid.set(firstVid + offset, own);
    keys[i] = hash * 2 ** 20 + offset;
  }
  keys.sort();
  const place = (key: number) => key % 2 ** 20;
  return {
    pairs: { hashes: Uint32Array.from(keys, (key) => (key - place(key)) / 2 ** 20), vids: Uint32Array.from(keys, (key) => firstVid + place(key)) },
    byVid,
  };
}

const segmentRows = (db: Db) => db.prepare('SELECT rows FROM shingle_segments ORDER BY seg').pluck().all() as number[];
const sorted = (pairs: Array<[number, number]>) => [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('the shingle index in segments', () => {
  it('finds every pair written by batches and single adds, through merges, and keeps a few segments, not one a batch', () => {
    const db = freshDb();
    const next = random(11);
    const model = new Map<number, number[]>();
    let vid = 1;
    // Six batches of a bulk load (each a segment), with single adds between them, merged as they come.
    for (let b = 0; b < 6; b++) {
      const { pairs, byVid } = batchOf(next, vid, SMALL_SEGMENT_ROWS + 20_000);
      db.transaction(() => addPairs(db, pairs))();
      mergeSegments(db);
      for (const [v, hashes] of byVid) model.set(v, hashes);
      vid += byVid.size;
      const single = batchOf(next, vid, 280);
      db.transaction(() => addPairs(db, single.pairs))();
      mergeSegments(db);
      for (const [v, hashes] of single.byVid) model.set(v, hashes);
      vid += 1;
    }
    const rows = [...model.values()].reduce((n, h) => n + h.length, 0);
    expect(pairCount(db)).toBe(rows);
    // The first four batches' segments became one; the single adds share one small segment.
    const batch = SMALL_SEGMENT_ROWS + 20_000;
    expect(segmentRows(db)).toEqual([280 * 6, batch * 4, batch, batch]);
    expect(dueMerge(segmentRows(db).map((r, i) => ({ seg: i, rows: r })))).toBeUndefined();

    // Looked up: each sampled version's pairs exactly, and the shared hashes with all their versions.
    const sample = [1, 2, 500, vid - 1, vid - 2, Math.floor(vid / 2)];
    for (const v of sample) {
      const hashes = model.get(v)!;
      expect(sorted(lookupPairs(db, hashes).filter(([, w]) => w === v))).toEqual(sorted(hashes.map((h) => [h, v])));
    }
    const common = 7 * 85_899_345;
    const holders = [...model].filter(([, hashes]) => hashes.includes(common)).map(([v]) => v);
    expect(lookupPairs(db, [common]).map(([, v]) => v).sort((a, b) => a - b)).toEqual(holders.sort((a, b) => a - b));
    expect(lookupPairs(db, [3])).toEqual([]);
    db.close();
  });

  it('forgets a version in every segment it is in, and only that version', () => {
    const db = freshDb();
    const next = random(5);
    const first = batchOf(next, 1, SMALL_SEGMENT_ROWS + 1000);
    db.transaction(() => addPairs(db, first.pairs))();
    const second = batchOf(next, 10_000, 900);
    db.transaction(() => addPairs(db, second.pairs))();
    expect(segmentRows(db)).toHaveLength(2);

    const gone = first.byVid.get(3)!;
    const kept = first.byVid.get(4)!;
    const before = pairCount(db);
    db.transaction(() => removePairs(db, 3, gone))();
    expect(lookupPairs(db, gone).filter(([, v]) => v === 3)).toEqual([]);
    expect(pairCount(db)).toBe(before - gone.length);
    expect(lookupPairs(db, kept).filter(([, v]) => v === 4)).toHaveLength(kept.length);
    const other = second.byVid.get(10_001)!;
    expect(lookupPairs(db, other).filter(([, v]) => v === 10_001)).toHaveLength(other.length);
    db.close();
  });

  it('merges the oldest segments of the smallest full size class, and nothing while no class is full', () => {
    const big = SMALL_SEGMENT_ROWS * MERGE_FAN_IN;
    expect(dueMerge([{ seg: 1, rows: 10 }, { seg: 2, rows: 10 }, { seg: 3, rows: 10 }])).toBeUndefined();
    expect(dueMerge([
      { seg: 1, rows: big * 2 }, { seg: 2, rows: big * 2 }, { seg: 3, rows: big * 2 }, { seg: 4, rows: big * 2 },
      { seg: 5, rows: 10 }, { seg: 6, rows: 10 }, { seg: 7, rows: 10 }, { seg: 8, rows: 10 }, { seg: 9, rows: 10 },
    ])).toEqual([5, 6, 7, 8]);
  });

  it('takes a version 5 database’s shingle rows as its first segment', () => {
    const db = openDatabase(':memory:');
    migrate(db, { target: 5 });
    const hashes = shingles(statementText());
    const insert = db.prepare('INSERT INTO shingles (hash, vid) VALUES (?, ?)');
    for (const hash of hashes) insert.run(hash, 7);
    insert.run(hashes[10], 8);
    migrate(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'shingles'").pluck().get()).toBe(0);
    expect(pairCount(db)).toBe(hashes.length + 1);
    expect(lookupPairs(db, hashes).filter(([, v]) => v === 7)).toHaveLength(hashes.length);
    expect(lookupPairs(db, [hashes[10]!]).map(([, v]) => v).sort()).toEqual([7, 8]);
    db.close();
  });
});
