/**
 * Verifications on a team server: the official copy a user sent is stored in `verifications`
 * with its job, in one transaction; a worker compares it (and with `apply` stores it as the
 * next version) and writes what it came to, or why it failed, for the status link to read.
 */
import type { VerifyInput, VerifyResult } from '../verify.js';
import type { VerificationState } from '../types.js';
import type { JobQueue, SqlClient } from './queue.js';

/** A verification as stored: what a worker needs to run it. */
export interface StoredVerification {
  id: string;
  documentId: string;
  input: VerifyInput & { text: string };
  apply: boolean;
  state: 'pending' | 'done' | 'failed';
}

/**
 * Stores the request and sends its job, on `client` inside the caller's open transaction:
 * both are there, or neither. Answers the verification's id.
 */
export async function queueVerification(
  client: SqlClient,
  queue: JobQueue,
  request: { documentId: string; text: string; format: string; apply: boolean },
): Promise<string> {
  const { rows } = await client.query('INSERT INTO verifications (document_id, copy, format, apply) VALUES ($1, $2, $3, $4) RETURNING id', [
    request.documentId,
    request.text,
    request.format,
    request.apply,
  ]);
  const { id } = rows[0] as { id: string };
  await queue.sendVerify({ verification: id, documentId: request.documentId }, { client });
  return id;
}

export async function storedVerification(db: SqlClient, id: string): Promise<StoredVerification | undefined> {
  const { rows } = await db.query('SELECT id, document_id, copy, format, apply, state FROM verifications WHERE id = $1', [id]);
  const row = rows[0] as { id: string; document_id: string; copy: string; format: string; apply: boolean; state: StoredVerification['state'] } | undefined;
  return row && { id: row.id, documentId: row.document_id, input: { text: row.copy, format: row.format as VerifyInput['format'] }, apply: row.apply, state: row.state };
}

/** Where a verification stands, for its status link; undefined for an id never given out. */
export async function verificationState(db: SqlClient, id: string): Promise<VerificationState | undefined> {
  // Not a uuid: no verification has that id (and PostgreSQL would refuse to compare it).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const { rows } = await db.query('SELECT document_id, state, result, reason FROM verifications WHERE id = $1', [id]);
  const row = rows[0] as { document_id: string; state: string; result: VerifyResult | null; reason: string | null } | undefined;
  if (!row) return undefined;
  if (row.state === 'done') return { state: 'done', documentId: row.document_id, result: row.result! };
  if (row.state === 'failed') return { state: 'failed', documentId: row.document_id, reason: row.reason! };
  return { state: 'pending', documentId: row.document_id };
}

/** Writes what a verification came to; a verification already finished (by an earlier try) is left as it is. */
export async function finishVerification(db: SqlClient, id: string, result: VerifyResult): Promise<void> {
  await db.query("UPDATE verifications SET state = 'done', result = $2, finished = now() WHERE id = $1 AND state = 'pending'", [id, JSON.stringify(result)]);
}

/** Writes why a verification failed, in one sentence for a user; a finished one is left as it is. */
export async function failVerification(db: SqlClient, id: string, reason: string): Promise<void> {
  await db.query("UPDATE verifications SET state = 'failed', reason = $2, finished = now() WHERE id = $1 AND state = 'pending'", [id, reason]);
}
