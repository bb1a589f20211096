import { cached, writeTransaction, type Db } from './database.js';

/**
 * SQLite's shingle index: which versions hold each word 4-gram hash, kept as a few segments,
 * each a sorted run of (hash, vid) pairs cut into blocks by the hash's top bits and stored as
 * blobs. A bulk load's batch writes a segment of its own, so it touches only the pages it
 * adds: an index keyed by hash took every batch's rows at random places all over its b-tree,
 * which at 100,000 sources meant rewriting most of it (and its WAL) for each batch of 1,000.
 * Segments of the same size class are merged once there are MERGE_FAN_IN of them, so a
 * lookup reads a few segments, never one per batch; a merge streams through the hash space
 * in slices and never holds more than a slice in memory.
 *
 * Hashes and vids are unsigned 32-bit numbers: a blob is its block's hashes then their vids,
 * four little-endian bytes each, sorted by hash.
 */

/** How many pairs a block holds on average at the size its segment was made for: 2 KB blobs. */
const ROWS_PER_BLOCK = 256;
/** A block's id is its segment times this plus its number: blocks of a segment are one range of rowids. */
const BLOCKS_PER_SEGMENT = 2 ** 24;
/** At most 2^24 blocks a segment (its ids' range), at least 16 (so a merge's slice is whole blocks). */
const MIN_SHIFT = 8;
const MAX_SHIFT = 28;
/**
 * Small writes (one add) go into the newest segment they leave under this many pairs; a
 * batch that fits in none has a segment of its own. Segments up to it are size class 0.
 */
export const SMALL_SEGMENT_ROWS = 2 ** 18;
/** Segments of one size class merged together, and the factor between two classes. */
export const MERGE_FAN_IN = 4;
/** A merge reads and writes the hash space in slices of this many hashes: a sixteenth each. */
const SLICE_BITS = 28;

const MAX_U32 = 0xffff_ffff;

/** Pairs sorted by hash, in two parallel arrays. */
export interface ShinglePairs {
  hashes: Uint32Array;
  vids: Uint32Array;
}

interface Segment {
  seg: number;
  rows: number;
  shift: number;
}

/** The shift of a segment made for `rows` pairs: about ROWS_PER_BLOCK pairs a block. */
function shiftFor(rows: number): number {
  const bits = Math.ceil(Math.log2(Math.max(1, rows / ROWS_PER_BLOCK)));
  return Math.min(MAX_SHIFT, Math.max(MIN_SHIFT, 32 - bits));
}

function segments(db: Db): Segment[] {
  return cached(db, 'SELECT seg, rows, shift FROM shingle_segments ORDER BY seg').all() as Segment[];
}

const blockId = (seg: number, block: number) => seg * BLOCKS_PER_SEGMENT + block;
const blockOf = (hash: number, shift: number) => hash >>> shift;

/** The sizes a vid may have: a rowid past 2^32 cannot be stored in four bytes, and is refused loudly. */
export function checkVid(vid: number): number {
  if (!Number.isInteger(vid) || vid < 0 || vid > MAX_U32) throw new Error(`A version id of ${vid} does not fit the shingle index.`);
  return vid;
}

/**
 * Adds pairs (sorted by hash) to the index: into the newest small segment they fit in (one
 * add's few hundred pairs, rewriting the few hundred blocks they fall in), else as a segment
 * of their own (a bulk load's batch). Inside the caller's transaction.
 */
export function addPairs(db: Db, pairs: ShinglePairs): void {
  const n = pairs.hashes.length;
  if (n === 0) return;
  const all = segments(db);
  for (let i = all.length - 1; i >= 0; i--) {
    if (all[i]!.rows + n <= SMALL_SEGMENT_ROWS) {
      mergeIntoSegment(db, all[i]!, pairs);
      return;
    }
  }
  const seg = (all.at(-1)?.seg ?? 0) + 1;
  const shift = shiftFor(Math.max(n, SMALL_SEGMENT_ROWS));
  cached(db, 'INSERT INTO shingle_segments (seg, rows, shift) VALUES (?, ?, ?)').run(seg, n, shift);
  writeBlocks(db, seg, shift, pairs, 0, n);
}

/** Pairs merged into the blocks of an existing segment they fall in: read, merged, written back. */
function mergeIntoSegment(db: Db, segment: Segment, pairs: ShinglePairs): void {
  const read = cached(db, 'SELECT pairs FROM shingle_blocks WHERE id = ?').pluck();
  const n = pairs.hashes.length;
  for (let from = 0; from < n; ) {
    const block = blockOf(pairs.hashes[from]!, segment.shift);
    let to = from + 1;
    while (to < n && blockOf(pairs.hashes[to]!, segment.shift) === block) to++;
    const id = blockId(segment.seg, block);
    const old = read.get(id) as Buffer | undefined;
    const merged = old ? mergeRuns([decodeBlock(old), slice(pairs, from, to)]) : slice(pairs, from, to);
    cached(db, 'INSERT INTO shingle_blocks (id, pairs) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET pairs = excluded.pairs').run(
      id,
      encodeBlock(merged, 0, merged.hashes.length),
    );
    from = to;
  }
  cached(db, 'UPDATE shingle_segments SET rows = rows + ? WHERE seg = ?').run(n, segment.seg);
}

/** Writes pairs [from, to) (sorted by hash) as new blocks of a segment. */
function writeBlocks(db: Db, seg: number, shift: number, pairs: ShinglePairs, from: number, to: number): void {
  const insert = cached(db, 'INSERT INTO shingle_blocks (id, pairs) VALUES (?, ?)');
  for (let start = from; start < to; ) {
    const block = blockOf(pairs.hashes[start]!, shift);
    let end = start + 1;
    while (end < to && blockOf(pairs.hashes[end]!, shift) === block) end++;
    insert.run(blockId(seg, block), encodeBlock(pairs, start, end));
    start = end;
  }
}

/**
 * Every (hash, vid) pair of the index among these hashes, in no particular order. In one read
 * transaction: the list of segments and their blocks must be of the same commit, or a merge
 * committed in between by another connection would hide the pairs it moved.
 */
export function lookupPairs(db: Db, hashes: readonly number[]): Array<[number, number]> {
  if (hashes.length === 0) return [];
  return db.transaction(() => lookupIn(db, hashes))();
}

function lookupIn(db: Db, hashes: readonly number[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const sorted = Uint32Array.from(hashes).sort();
  const all = segments(db);
  const wanted: number[] = [];
  for (const { seg, shift } of all) {
    let last = -1;
    for (const hash of sorted) {
      const block = blockOf(hash, shift);
      if (block === last) continue;
      last = block;
      wanted.push(blockId(seg, block));
    }
  }
  if (wanted.length === 0) return found;
  // One statement for every block: a call into SQLite per block cost more than reading it.
  const blocks = cached(db, 'SELECT id, pairs FROM shingle_blocks WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(wanted)) as Array<[number, Buffer]>;
  const shifts = new Map(all.map((s) => [s.seg, s.shift]));
  for (const [id, blob] of blocks) {
    const shift = shifts.get(Math.floor(id / BLOCKS_PER_SEGMENT))!;
    const block = id % BLOCKS_PER_SEGMENT;
    const n = blob.length / 8;
    // The looked-up hashes falling in this block: from the first at or past its start.
    let i = lowerBound(sorted, block * 2 ** shift);
    for (; i < sorted.length && blockOf(sorted[i]!, shift) === block; i++) {
      const hash = sorted[i]!;
      for (let k = lowerBoundBlob(blob, n, hash); k < n && blob.readUInt32LE(k * 4) === hash; k++) {
        found.push([hash, blob.readUInt32LE((n + k) * 4)]);
      }
    }
  }
  return found;
}

/** Removes a version's pairs (its hashes given) from every segment. Inside the caller's transaction. */
export function removePairs(db: Db, vid: number, hashes: readonly number[]): void {
  if (hashes.length === 0) return;
  const sorted = Uint32Array.from(hashes).sort();
  const read = cached(db, 'SELECT pairs FROM shingle_blocks WHERE id = ?').pluck();
  for (const segment of segments(db)) {
    let removed = 0;
    let last = -1;
    for (const hash of sorted) {
      const block = blockOf(hash, segment.shift);
      if (block === last) continue;
      last = block;
      const id = blockId(segment.seg, block);
      const blob = read.get(id) as Buffer | undefined;
      if (!blob) continue;
      const pairs = decodeBlock(blob);
      const keep: number[] = [];
      for (let k = 0; k < pairs.vids.length; k++) if (pairs.vids[k] !== vid) keep.push(k);
      if (keep.length === pairs.vids.length) continue;
      removed += pairs.vids.length - keep.length;
      if (keep.length === 0) cached(db, 'DELETE FROM shingle_blocks WHERE id = ?').run(id);
      else {
        const kept = { hashes: Uint32Array.from(keep, (k) => pairs.hashes[k]!), vids: Uint32Array.from(keep, (k) => pairs.vids[k]!) };
        cached(db, 'UPDATE shingle_blocks SET pairs = ? WHERE id = ?').run(encodeBlock(kept, 0, keep.length), id);
      }
    }
    if (removed > 0) cached(db, 'UPDATE shingle_segments SET rows = rows - ? WHERE seg = ?').run(removed, segment.seg);
  }
}

/** How many pairs the index holds. */
export function pairCount(db: Db): number {
  return cached(db, 'SELECT coalesce(sum(rows), 0) FROM shingle_segments').pluck().get() as number;
}

/** A segment's size class: 0 up to SMALL_SEGMENT_ROWS, then one more for each MERGE_FAN_IN times as many pairs. */
export function sizeClass(rows: number): number {
  return rows <= SMALL_SEGMENT_ROWS ? 0 : Math.ceil(Math.log(rows / SMALL_SEGMENT_ROWS) / Math.log(MERGE_FAN_IN));
}

/** The segments a merge would take next: the oldest MERGE_FAN_IN of the smallest class that has as many. */
export function dueMerge(all: ReadonlyArray<{ seg: number; rows: number }>): number[] | undefined {
  const byClass = new Map<number, number[]>();
  for (const s of all) {
    const c = sizeClass(s.rows);
    const list = byClass.get(c) ?? [];
    list.push(s.seg);
    byClass.set(c, list);
  }
  const full = [...byClass.entries()].filter(([, segs]) => segs.length >= MERGE_FAN_IN).sort((a, b) => a[0] - b[0]);
  return full[0]?.[1].slice(0, MERGE_FAN_IN);
}

/**
 * Merges the segments that are due, a transaction each, after a write has committed: an
 * interrupted merge rolls back alone and leaves the segments it was merging as they were.
 */
export function mergeSegments(db: Db): void {
  while (writeTransaction(db, () => mergeDue(db)));
}

/**
 * Merges one set of segments that is due, if any, into a new segment: in the caller's
 * transaction. Returns whether it merged; callers repeat while it does, a transaction each.
 */
export function mergeDue(db: Db): boolean {
  const all = segments(db);
  const due = dueMerge(all);
  if (!due) return false;
  const inputs = all.filter((s) => due.includes(s.seg));
  const rows = inputs.reduce((sum, s) => sum + s.rows, 0);
  const seg = all.at(-1)!.seg + 1;
  const shift = shiftFor(Math.max(rows, SMALL_SEGMENT_ROWS));
  const range = cached(db, 'SELECT pairs FROM shingle_blocks WHERE id >= ? AND id < ? ORDER BY id').pluck();
  for (let slice = 0; slice < 2 ** (32 - SLICE_BITS); slice++) {
    // Blocks are at most 2^MAX_SHIFT hashes wide, a slice 2^SLICE_BITS: a block lies in one slice.
    const runs = inputs.map(({ seg: from, shift: s }) => {
      const first = blockId(from, (slice * 2 ** SLICE_BITS) / 2 ** s);
      const blobs = range.all(first, first + 2 ** (SLICE_BITS - s)) as Buffer[];
      return concat(blobs.map(decodeBlock));
    });
    const merged = mergeRuns(runs);
    writeBlocks(db, seg, shift, merged, 0, merged.hashes.length);
  }
  for (const s of inputs) {
    cached(db, 'DELETE FROM shingle_blocks WHERE id >= ? AND id < ?').run(blockId(s.seg, 0), blockId(s.seg + 1, 0));
    cached(db, 'DELETE FROM shingle_segments WHERE seg = ?').run(s.seg);
  }
  cached(db, 'INSERT INTO shingle_segments (seg, rows, shift) VALUES (?, ?, ?)').run(seg, rows, shift);
  return true;
}

function slice(pairs: ShinglePairs, from: number, to: number): ShinglePairs {
  return { hashes: pairs.hashes.subarray(from, to), vids: pairs.vids.subarray(from, to) };
}

function concat(runs: readonly ShinglePairs[]): ShinglePairs {
  if (runs.length === 1) return runs[0]!;
  let n = 0;
  for (const r of runs) n += r.hashes.length;
  const out = { hashes: new Uint32Array(n), vids: new Uint32Array(n) };
  let at = 0;
  for (const r of runs) {
    out.hashes.set(r.hashes, at);
    out.vids.set(r.vids, at);
    at += r.hashes.length;
  }
  return out;
}

/** Runs sorted by hash merged into one sorted by hash; of equal hashes, the earlier run's first. */
export function mergeRuns(runs: readonly ShinglePairs[]): ShinglePairs {
  const live = runs.filter((r) => r.hashes.length > 0);
  if (live.length <= 1) return live[0] ?? { hashes: new Uint32Array(0), vids: new Uint32Array(0) };
  let n = 0;
  for (const r of live) n += r.hashes.length;
  const out = { hashes: new Uint32Array(n), vids: new Uint32Array(n) };
  const at = new Array<number>(live.length).fill(0);
  for (let o = 0; o < n; o++) {
    let best = -1;
    let bestHash = Infinity;
    for (let r = 0; r < live.length; r++) {
      const i = at[r]!;
      const run = live[r]!;
      if (i < run.hashes.length && run.hashes[i]! < bestHash) {
        best = r;
        bestHash = run.hashes[i]!;
      }
    }
    const run = live[best]!;
    out.hashes[o] = bestHash;
    out.vids[o] = run.vids[at[best]!]!;
    at[best]!++;
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Pairs [from, to) as a block's blob: the hashes, then the vids, four little-endian bytes each. */
function encodeBlock(pairs: ShinglePairs, from: number, to: number): Buffer {
  const n = to - from;
  if (LITTLE_ENDIAN) {
    const out = new Uint32Array(2 * n);
    out.set(pairs.hashes.subarray(from, to), 0);
    out.set(pairs.vids.subarray(from, to), n);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  const blob = Buffer.alloc(8 * n);
  for (let k = 0; k < n; k++) {
    blob.writeUInt32LE(pairs.hashes[from + k]!, 4 * k);
    blob.writeUInt32LE(pairs.vids[from + k]!, 4 * (n + k));
  }
  return blob;
}

function decodeBlock(blob: Buffer): ShinglePairs {
  const n = blob.length / 8;
  const all = new Uint32Array(2 * n);
  if (LITTLE_ENDIAN) new Uint8Array(all.buffer).set(blob);
  else for (let k = 0; k < 2 * n; k++) all[k] = blob.readUInt32LE(4 * k);
  return { hashes: all.subarray(0, n), vids: all.subarray(n) };
}

/** The first index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first pair of a block's blob (n pairs) whose hash is at least `hash`. */
function lowerBoundBlob(blob: Buffer, n: number, hash: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blob.readUInt32LE(mid * 4) < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
