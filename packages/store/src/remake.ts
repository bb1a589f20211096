import { computeReport, storeReport } from './alignments.js';
import { writeTransaction, type Db } from './database.js';
import { emphasisOf, versionByVid } from './documents.js';
import { StoreError } from './errors.js';
import type { OutdatedAlignment, ProgressListener, RemakeResult } from './types.js';

/** A row of the outdated alignments' query, on either engine. */
export interface OutdatedRow {
  source_id: string;
  source_version: number;
  commentary_id: string;
  commentary_version: number;
  engine_version: string;
}

/**
 * The stored alignments another engine made (an older Verbatim, or a newer one that wrote to
 * this file): their reports may differ from what this engine finds, so they are not current.
 * Every version's, not only the latest: a citation of an older version reads them too.
 */
export function outdatedAlignments(db: Db, engine: string): OutdatedAlignment[] {
  const rows = db
    .prepare(
      `SELECT s.id AS source_id, s.version AS source_version, c.id AS commentary_id, c.version AS commentary_version, a.engine_version
       FROM alignments a JOIN documents s ON s.vid = a.source_vid JOIN documents c ON c.vid = a.commentary_vid
       WHERE a.engine_version <> ? ORDER BY s.id, s.version, c.id, c.version`,
    )
    .all(engine) as OutdatedRow[];
  return outdatedOf(rows);
}

export function outdatedOf(rows: readonly OutdatedRow[]): OutdatedAlignment[] {
  return rows.map((r) => ({
    source: { id: r.source_id, version: r.source_version },
    commentary: { id: r.commentary_id, version: r.commentary_version },
    engineVersion: r.engine_version,
  }));
}

/** `busy`: another process held the corpus; the alignment stays outdated, for the next start or realign. */
export type Remade = 'remade' | 'unlinked' | 'current' | 'gone' | 'busy';

/**
 * Makes one outdated alignment again with this engine. The engine runs before the write lock
 * is taken; inside it the row must still be the outdated one — another process may have
 * re-made it, or a document been deleted, meanwhile — else nothing is written. `unlinked`:
 * this engine finds no passage, so the alignment is dropped, as an add would not keep it.
 */
export function remakeAlignment(db: Db, engine: string, a: OutdatedAlignment): Remade {
  const vids = () => {
    const source = db.prepare('SELECT vid FROM documents WHERE id = ? AND version = ?').pluck().get(a.source.id, a.source.version) as number | undefined;
    const commentary = db.prepare('SELECT vid FROM documents WHERE id = ? AND version = ?').pluck().get(a.commentary.id, a.commentary.version) as number | undefined;
    return source === undefined || commentary === undefined ? undefined : { source, commentary };
  };
  const engineOf = (v: { source: number; commentary: number }) =>
    db.prepare('SELECT engine_version FROM alignments WHERE source_vid = ? AND commentary_vid = ?').pluck().get(v.source, v.commentary) as string | undefined;

  const before = vids();
  if (!before) return 'gone';
  const was = engineOf(before);
  if (was === undefined) return 'gone';
  if (was === engine) return 'current';
  const source = versionByVid(db, before.source)!;
  const commentary = versionByVid(db, before.commentary)!;
  const report = computeReport({ ...source, emphasis: [] }, { ...commentary, emphasis: emphasisOf(db, commentary.vid) });
  return writeTransaction(db, (): Remade => {
    const now = vids();
    if (!now || now.source !== before.source || now.commentary !== before.commentary) return 'gone';
    const engineNow = engineOf(now);
    if (engineNow === undefined) return 'gone';
    if (engineNow !== was) return 'current';
    return storeReport(db, now.source, now.commentary, report, engine) === 'linked' ? 'remade' : 'unlinked';
  });
}

/**
 * Re-makes every outdated alignment, one at a time, through `remakeOne` (the store's writer
 * thread, so the caller's thread answers requests meanwhile: each serves its old report, said
 * stale, until it is re-made). Stops between two alignments when `signal` is aborted.
 */
export async function remakeOutdated(
  db: Db,
  engine: string,
  remakeOne: (a: OutdatedAlignment) => Promise<Remade>,
  { onProgress, signal }: { onProgress?: ProgressListener; signal?: AbortSignal } = {},
): Promise<RemakeResult> {
  return remakeEach(outdatedAlignments(db, engine), remakeOne, { onProgress, signal });
}

/** Re-makes the given outdated alignments one at a time through `remakeOne` (either engine's). */
export async function remakeEach(
  outdated: readonly OutdatedAlignment[],
  remakeOne: (a: OutdatedAlignment) => Promise<Remade>,
  { onProgress, signal }: { onProgress?: ProgressListener; signal?: AbortSignal } = {},
): Promise<RemakeResult> {
  const result: RemakeResult = { outdated: outdated.length, remade: 0, unlinked: 0 };
  for (const [i, a] of outdated.entries()) {
    // An in-memory store re-makes on this thread: let requests in between two.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) break;
    let outcome: Remade;
    try {
      outcome = await remakeOne(a);
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'busy')) throw error;
      outcome = 'busy';
    }
    if (outcome === 'remade') result.remade += 1;
    if (outcome === 'unlinked') result.unlinked += 1;
    onProgress?.({ phase: 'remake', done: i + 1, total: outdated.length, documentId: `${a.source.id} ↔ ${a.commentary.id}` });
  }
  return result;
}
