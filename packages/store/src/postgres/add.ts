import type pg from 'pg';
import { checkEach, checkRequest, chooseExisting, newVersionOf, type AddOutput, type AddRequest, type BatchItem, type Checked } from '../add.js';
import { StoreError } from '../errors.js';
import { slugOf, withSha } from '../ids.js';
import type { VersionRow } from '../documents.js';
import { alignPair, type Pair } from './align-pair.js';
import { findCandidates, indexShingles, unindexShingles } from './candidates.js';
import { idExists, insertEmphasis, insertParagraphs, insertVersion, latestVersion, versionByVid, versionsWithSha } from './documents.js';
import { LOCKS, transaction, type Queryable } from './pool.js';
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
  if (known) return { row: known, outcome: 'existing', unknownLocators: [] };
  const written = await transaction(ctx.pool, (client) => writeDocument(ctx, client, request, checked), { lock: LOCKS.write });
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
 * Adds many documents in one transaction (one commit), each in a savepoint of its own so that
 * a refusal met while writing undoes only its own rows; the pairs are aligned after the commit.
 */
export async function addBatch(ctx: PgAddContext, requests: readonly AddRequest[]): Promise<BatchItem[]> {
  const checked = checkEach(requests);
  const pairs: Pair[] = [];
  const items = await transaction(
    ctx.pool,
    async (client) => {
      const out: BatchItem[] = [];
      for (const [i, c] of checked.entries()) {
        if ('reason' in c) {
          out.push({ ok: false, reason: c.reason });
          continue;
        }
        await client.query('SAVEPOINT document');
        try {
          const written = await writeDocument(ctx, client, requests[i]!, c);
          await client.query('RELEASE SAVEPOINT document');
          pairs.push(...written.pairs);
          out.push({ ok: true, id: written.row.id, version: written.row.version, outcome: written.outcome });
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT document');
          if (!(error instanceof StoreError)) throw error;
          out.push({ ok: false, reason: error.message });
        }
      }
      return out;
    },
    { lock: LOCKS.write },
  );
  // A pair the engine fails on leaves its documents stored without that alignment, as one add would.
  if (ctx.align.mode === 'inline') await alignPairs(ctx, pairs);
  return items;
}

/** The write part of an add, inside the caller's locked transaction. */
async function writeDocument(ctx: PgAddContext, client: pg.PoolClient, request: AddRequest, checked: Checked): Promise<Written> {
  const existing = await findExisting(client, checked);
  if (existing) return { row: existing, outcome: 'existing', unknownLocators: [], pairs: [] };
  const { prepared, kind } = checked;
  const id = checked.givenId ?? (await newId(client, checked));
  const previous = await latestVersion(client, id);
  const vid = await insertVersion(client, newVersionOf(request, checked, id, (previous?.version ?? 0) + 1));
  await insertParagraphs(client, vid, prepared.text, prepared.paragraphs);
  await insertEmphasis(client, vid, prepared.emphasis);
  const unknownLocators = request.verification ? await applyVerification(client, vid, request.verification) : [];
  // Only latest versions are candidates: the new one takes its predecessor's place.
  if (previous) await unindexShingles(client, previous.vid);
  await indexShingles(client, vid, prepared.hashes);
  await client.query('DELETE FROM deleted_documents WHERE id = $1', [id]);
  const otherKind = kind === 'source' ? 'commentary' : 'source';
  const others = (await findCandidates(client, prepared.hashes, otherKind)).filter((c) => c.id !== id);
  const pairs = others.map((c) => (kind === 'source' ? { sourceVid: vid, commentaryVid: c.vid } : { sourceVid: c.vid, commentaryVid: vid }));
  if (ctx.align.mode === 'queued') await ctx.align.enqueue(client, pairs);
  return { row: (await versionByVid(client, vid))!, outcome: previous ? 'new-version' : 'added', unknownLocators, pairs };
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

async function findExisting(db: Queryable, checked: Checked): Promise<VersionRow | undefined> {
  const { sha256 } = checked.prepared;
  const id = checked.givenId;
  const latestOfId = id === undefined ? undefined : await latestVersion(db, id);
  return chooseExisting(await versionsWithSha(db, sha256), latestOfId, { sha256, id, fromFile: checked.fromFile });
}

/** The SQLite store's `newId`: the title's slug, with the start of the SHA-256 when the slug is taken. */
async function newId(db: Queryable, checked: Checked): Promise<string> {
  const slug = slugOf(checked.title, checked.kind);
  return (await idExists(db, slug)) ? withSha(slug, checked.prepared.sha256) : slug;
}
