import type { Db } from './database.js';
import { StoreError } from './errors.js';
import type { VerificationStatus } from './types.js';

const STATUSES: readonly VerificationStatus[] = ['confirmed', 'confirmed-in-part', 'corrected', 'unchecked'];

export interface ParagraphVerification {
  status: VerificationStatus;
  note: string | null;
}

/** By locator. */
export type Verification = Map<string, ParagraphVerification>;

/**
 * Reads a corpus file's `verification`: for each status a note and the paragraphs it
 * covers, either a list of locators or an object giving each locator a note of its own
 * (a correction says what was corrected); beside a list, `notes` gives a few of its
 * paragraphs a note of their own (a reading one copy disagrees with).
 */
export function parseVerification(value: unknown, file: string): Verification {
  const out: Verification = new Map();
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object') throw invalid(file, 'it is not an object');
  for (const [status, group] of Object.entries(value as Record<string, unknown>)) {
    if (!(STATUSES as readonly string[]).includes(status)) throw invalid(file, `"${status}" is not a known status`);
    const { note, paragraphs, notes } = (group ?? {}) as { note?: unknown; paragraphs?: unknown; notes?: unknown };
    const groupNote = typeof note === 'string' ? note : null;
    const ownNotes = notes && typeof notes === 'object' ? (notes as Record<string, unknown>) : {};
    const entries: Array<[string, unknown]> = Array.isArray(paragraphs)
      ? paragraphs.map((locator) => [String(locator), ownNotes[String(locator)]])
      : paragraphs && typeof paragraphs === 'object'
        ? Object.entries(paragraphs as Record<string, unknown>)
        : [];
    for (const [locator, own] of entries) {
      out.set(locator, { status: status as VerificationStatus, note: typeof own === 'string' ? own : groupNote });
    }
  }
  return out;
}

function invalid(file: string, reason: string): StoreError {
  return new StoreError('corpus', `The verification in ${file} cannot be read: ${reason}.`);
}

/**
 * Sets each paragraph's status from the verification; returns the locators it names that
 * the text does not have (a stale verification after the text was re-keyed).
 */
export function applyVerification(db: Db, vid: number, verification: Verification): string[] {
  const locators = new Set(
    db.prepare('SELECT locator FROM paragraphs WHERE vid = ?').pluck().all(vid) as string[],
  );
  const update = db.prepare(
    'UPDATE paragraphs SET verification = ?, verification_note = ? WHERE vid = ? AND locator = ?',
  );
  db.prepare('UPDATE paragraphs SET verification = NULL, verification_note = NULL WHERE vid = ?').run(vid);
  const unknown: string[] = [];
  for (const [locator, v] of verification) {
    if (locators.has(locator)) update.run(v.status, v.note, vid, locator);
    else unknown.push(locator);
  }
  return unknown;
}

/** Whether the stored statuses already say what the verification says (no write needed). */
export function verificationMatches(db: Db, vid: number, verification: Verification): boolean {
  const rows = db
    .prepare('SELECT locator, verification, verification_note FROM paragraphs WHERE vid = ?')
    .all(vid) as Array<{ locator: string; verification: string | null; verification_note: string | null }>;
  return rows.every((r) => {
    const wanted = verification.get(r.locator);
    return (wanted?.status ?? null) === r.verification && (wanted?.note ?? null) === r.verification_note;
  });
}
