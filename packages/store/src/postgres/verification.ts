import type { Verification } from '../verification.js';
import { rows, type Queryable } from './pool.js';

/**
 * Sets each paragraph's status from the verification; answers the locators it names that the
 * text does not have. The SQLite store's `applyVerification`, in one statement per step.
 */
export async function applyVerification(db: Queryable, vid: number, verification: Verification): Promise<string[]> {
  const locators = new Set((await rows<{ locator: string }>(db, 'SELECT locator FROM paragraphs WHERE vid = $1', [vid])).map((r) => r.locator));
  await db.query('UPDATE paragraphs SET verification = NULL, verification_note = NULL WHERE vid = $1', [vid]);
  const known = [...verification].filter(([locator]) => locators.has(locator));
  if (known.length > 0) {
    await db.query(
      `UPDATE paragraphs p SET verification = v.status, verification_note = v.note
       FROM unnest($2::text[], $3::text[], $4::text[]) AS v(locator, status, note)
       WHERE p.vid = $1 AND p.locator = v.locator`,
      [vid, known.map(([l]) => l), known.map(([, v]) => v.status), known.map(([, v]) => v.note)],
    );
  }
  return [...verification.keys()].filter((locator) => !locators.has(locator));
}

/** Whether the stored statuses already say what the verification says (no write needed). */
export async function verificationMatches(db: Queryable, vid: number, verification: Verification): Promise<boolean> {
  const stored = await rows<{ locator: string; verification: string | null; verification_note: string | null }>(
    db,
    'SELECT locator, verification, verification_note FROM paragraphs WHERE vid = $1',
    [vid],
  );
  return stored.every((r) => {
    const wanted = verification.get(r.locator);
    return (wanted?.status ?? null) === r.verification && (wanted?.note ?? null) === r.verification_note;
  });
}
