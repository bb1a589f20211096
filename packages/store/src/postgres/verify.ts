import { compareWithOfficial, officialVersion, verificationOf, type VerifyInput, type VerifyOptions, type VerifyResult } from '../verify.js';
import { addDocument, type PgAddContext } from './add.js';
import { latestVersion } from './documents.js';
import { transaction } from './pool.js';
import { applyVerification } from './verification.js';

/**
 * Checks a stored document against an official copy, and with `apply` stores it as the next
 * version, every paragraph confirmed: the SQLite store's `verifyDocument`, its comparing shared.
 */
export async function verifyDocument(ctx: PgAddContext, id: string, input: VerifyInput, options: VerifyOptions = {}): Promise<VerifyResult | undefined> {
  const row = await latestVersion(ctx.pool, id);
  if (!row) return undefined;
  const { document, report, official } = compareWithOfficial(row, input);
  if (!options.apply) return { document, report, applied: null };
  const verification = verificationOf(official, report, options.now ?? new Date());
  const { row: stored, outcome } = await addDocument(ctx, officialVersion(row, input, verification));
  // The same text as ours: no new version, but its paragraphs are now confirmed.
  if (outcome === 'existing') await transaction(ctx.pool, (client) => applyVerification(client, stored.vid, verification));
  return { document, report, applied: { version: stored.version, outcome, confirmed: verification.size } };
}
