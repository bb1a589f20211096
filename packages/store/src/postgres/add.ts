import type pg from 'pg';
import { checkEach, checkRequest, chooseExisting, newVersionOf, type AddOutput, type AddRequest, type BatchItem, type Checked } from '../add.js';
import { StoreError } from '../errors.js';
import { slugOf, withSha } from '../ids.js';
import type { VersionRow } from '../documents.js';
import { alignPair, type Pair } from './align-pair.js';
import { findCandidates, indexShingles, unindexShingles, type IndexedVersion } from './candidates.js';
import type { CandidateRow } from '../candidates.js';
import type { DocumentKind } from '../types.js';
import { idExists, insertNewVersion, latestVersion, versionsWithShaOrId } from './documents.js';
import { LOCKS, row, transaction, type Queryable } from './pool.js';
import { applyVerification } from './verification.js';

/**
 * How an add's pairs get aligned. `inline`: by the add itself, before it answers, as on
 * SQLite. `queued`: by whoever `enqueue` hands them to (jobs for the workers), from inside the
 * add's own transaction, so a document is never stored without its pairs being queued.
 */
export type AlignMode =
  | { mode: 'inline' }
  | { mode: 'queued'; enqueue: (client: pg.PoolClient, pairs: readonly Pair[]) => Promise<void> };

export interface PgAddContext {
  pool: pg.Pool;
  engine: string;
  align: AlignMode;
}

/** What the write part of an add did, and the pairs it leaves to align. */
interface Written extends AddOutput {
  pairs: Pair[];
}

/**
 * Stores a document, then aligns it. Checking, decoding, converting and hashing happen before
 * anything is locked. The write part — finding the stored text by SHA-256 or id, numbering the
 * version, inserting it with its paragraphs, emphasis and shingles, and choosing the pairs to
 * align — is one transaction under an advisory lock every server shares: two servers adding
 * at once never store a text twice, and of a source and a commentary quoting it added at the
 * same moment, the second sees the first and pairs with it. Aligning, the slow part, happens
 * after the commit, outside the lock.
 */
export async function addDocument(ctx: PgAddContext, request: AddRequest): Promise<AddOutput> {
  const checked = checkRequest(request);
  // Looked up before taking the lock too: reloading an unchanged corpus writes nothing.
  const known = await findExisting(ctx.pool, checked);
  if (known.existing) return { row: known.existing, outcome: 'existing', unknownLocators: [] };
  const written = await transaction(
    ctx.pool,
    async (client) => {
      const index = new BatchIndex();
      const done = await writeDocument(ctx, client, request, checked, index);
      await index.write(client);
      return done;
    },
    { lock: LOCKS.write },
  );
  if (ctx.align.mode === 'inline') {
    const failed = await alignPairs(ctx, written.pairs);
    // The document is committed by now: say so, rather than the SQLite store's "nothing was stored".
    if (failed) {
      throw new StoreError('align', `${failed.message.replace(/, so nothing was stored\.$/, '')}; the document was stored without that alignment (verbatim realign tries again).`, { cause: failed });
    }
  }
  return { row: written.row, outcome: written.outcome, unknownLocators: written.unknownLocators };
}

/**
 * Adds many documents in one transaction (one commit); the pairs are aligned after the
 * commit. Every refusal of a document comes before it writes a row (`checkEach`), so none
 * needs a savepoint to undo its part; a failure while writing rolls the whole batch back.
 * The shingle rows, most of a batch's rows, are written together (see `BatchIndex`).
 */
export async function addBatch(ctx: PgAddContext, requests: readonly AddRequest[]): Promise<BatchItem[]> {
  const checked = checkEach(requests);
  const pairs: Pair[] = [];
  const items = await transaction(
    ctx.pool,
    async (client) => {
      const index = new BatchIndex();
      const out: BatchItem[] = [];
      for (const [i, c] of checked.entries()) {
        if ('reason' in c) {
          out.push({ ok: false, reason: c.reason });
          continue;
        }
        const written = await writeDocument(ctx, client, requests[i]!, c, index);
        pairs.push(...written.pairs);
        out.push({ ok: true, id: written.row.id, version: written.row.version, outcome: written.outcome });
      }
      await index.write(client);
      return out;
    },
    { lock: LOCKS.write },
  );
  // A pair the engine fails on leaves its documents stored without that alignment, as one add would.
  if (ctx.align.mode === 'inline') await alignPairs(ctx, pairs);
  return items;
}

/**
 * The shingle index as the documents of one transaction change it. New versions' rows are
 * held back and written all at once, in key order — a few statements instead of one per
 * document, the index taking them page after page — until a document of the other kind
 * needs them to find its candidates. And which kinds have any document, asked once: a bulk
 * load of sources alone looks for no commentary (the transaction holds the write lock, so
 * no other writer adds one meanwhile).
 */
class BatchIndex {
  readonly #held = new Map<number, IndexedVersion>();
  readonly #present = new Map<DocumentKind, boolean>();

  /** The latest versions of `kind` sharing enough shingles with `hashes`. */
  async candidates(client: pg.PoolClient, hashes: readonly number[], kind: DocumentKind): Promise<CandidateRow[]> {
    if (!this.#present.has(kind)) this.#present.set(kind, await anyOfKind(client, kind));
    if (!this.#present.get(kind)) return [];
    if ([...this.#held.values()].some((v) => v.kind === kind)) await this.write(client);
    return findCandidates(client, hashes, kind);
  }

  /** A new version takes the place of its predecessor (only latest versions are candidates). */
  async replace(client: pg.PoolClient, version: IndexedVersion, previous: number | undefined): Promise<void> {
    if (previous !== undefined && !this.#held.delete(previous)) await unindexShingles(client, [previous]);
    this.#held.set(version.vid, version);
    this.#present.set(version.kind, true);
  }

  async write(client: pg.PoolClient): Promise<void> {
    await indexShingles(client, [...this.#held.values()]);
    this.#held.clear();
  }
}

async function anyOfKind(db: Queryable, kind: DocumentKind): Promise<boolean> {
  return (await row(db, 'SELECT 1 FROM documents WHERE kind = $1 LIMIT 1', [kind])) !== undefined;
}

/**
 * The write part of an add, inside the caller's locked transaction; its shingles are left to
 * `index`, which the caller writes before it commits.
 */
async function writeDocument(ctx: PgAddContext, client: pg.PoolClient, request: AddRequest, checked: Checked, index: BatchIndex): Promise<Written> {
  const { existing, latestOfId } = await findExisting(client, checked);
  if (existing) return { row: existing, outcome: 'existing', unknownLocators: [], pairs: [] };
  const { prepared, kind } = checked;
  const id = checked.givenId ?? (await newId(client, checked));
  const previous = checked.givenId === undefined ? await latestVersion(client, id) : latestOfId;
  const version = await insertNewVersion(client, newVersionOf(request, checked, id, (previous?.version ?? 0) + 1), prepared);
  const unknownLocators = request.verification ? await applyVerification(client, version.vid, request.verification) : [];
  await index.replace(client, { vid: version.vid, kind, hashes: prepared.hashes }, previous?.vid);
  const otherKind = kind === 'source' ? 'commentary' : 'source';
  const others = (await index.candidates(client, prepared.hashes, otherKind)).filter((c) => c.id !== id);
  const pairs = others.map((c) => (kind === 'source' ? { sourceVid: version.vid, commentaryVid: c.vid } : { sourceVid: c.vid, commentaryVid: version.vid }));
  if (ctx.align.mode === 'queued') await ctx.align.enqueue(client, pairs);
  return { row: version, outcome: previous ? 'new-version' : 'added', unknownLocators, pairs };
}

/**
 * Aligns pairs one after another (the engine is CPU-bound: doing them at once gains nothing in
 * one process). A pair the engine fails on does not stop the others; the first such failure
 * is answered.
 */
export async function alignPairs(ctx: { pool: pg.Pool; engine: string }, pairs: readonly Pair[]): Promise<StoreError | undefined> {
  let failed: StoreError | undefined;
  for (const pair of pairs) {
    try {
      await alignPair(ctx.pool, pair, ctx.engine);
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'align')) throw error;
      failed ??= error;
    }
  }
  return failed;
}

/** The stored version an add of this text finds (`chooseExisting`), and the latest version of the id given. */
async function findExisting(db: Queryable, checked: Checked): Promise<{ existing: VersionRow | undefined; latestOfId: VersionRow | undefined }> {
  const { sha256 } = checked.prepared;
  const id = checked.givenId;
  const { withSha, latestOfId } = await versionsWithShaOrId(db, sha256, id);
  return { existing: chooseExisting(withSha, latestOfId, { sha256, id, fromFile: checked.fromFile }), latestOfId };
}

/** The SQLite store's `newId`: the title's slug, with the start of the SHA-256 when the slug is taken. */
async function newId(db: Queryable, checked: Checked): Promise<string> {
  const slug = slugOf(checked.title, checked.kind);
  return (await idExists(db, slug)) ? withSha(slug, checked.prepared.sha256) : slug;
}
