import { splitParagraphs, verifyCopy, type VerificationReport } from '@verbatim/core';
import { addDocument, type AddContext, type AddRequest } from './add.js';
import { writeTransaction } from './database.js';
import { latestVersion, type VersionRow } from './documents.js';
import { StoreError } from './errors.js';
import { isFormat, refuseFormat, toPlainText } from './ingest/convert.js';
import { decodeInput } from './ingest/decode.js';
import type { AddOutcome, DocumentFormat } from './types.js';
import { applyVerification, type Verification } from './verification.js';

export interface VerifyInput {
  text?: string;
  bytes?: Uint8Array;
  format: DocumentFormat;
}

export interface VerifyOptions {
  /** Store the official text as a new version, confirmed paragraph by paragraph. */
  apply?: boolean;
  /** The date written into the confirmation notes (tests fix it). */
  now?: Date;
}

export interface VerifyResult {
  document: { id: string; version: number; title: string };
  report: VerificationReport;
  /** What `apply` stored; null when nothing was written. */
  applied: { version: number; outcome: AddOutcome; confirmed: number } | null;
}

/** Below this share of common words the "official copy" is some other text. */
const MIN_OVERLAP = 0.5;

/**
 * Checks a stored document against an official copy a user holds (text, Markdown, or a
 * page saved as HTML). Changes nothing unless asked: with `apply`, the official text
 * becomes a new version (the old one is kept), every paragraph of it is `confirmed`
 * against the copy's SHA-256 and date, and the commentaries are aligned again with it.
 */
export function verifyDocument(ctx: AddContext, id: string, input: VerifyInput, options: VerifyOptions = {}): VerifyResult | undefined {
  const row = latestVersion(ctx.db, id);
  if (!row) return undefined;
  const { document, report, official } = compareWithOfficial(row, input);
  if (!options.apply) return { document, report, applied: null };
  const verification = verificationOf(official, report, options.now ?? new Date());
  const { row: stored, outcome } = addDocument(ctx, officialVersion(row, input, verification));
  // The same text as ours: no new version, but its paragraphs are now confirmed.
  if (outcome === 'existing') writeTransaction(ctx.db, () => applyVerification(ctx.db, stored.vid, verification));
  return { document, report, applied: { version: stored.version, outcome, confirmed: verification.size } };
}

/**
 * The official copy as plain text and how it compares with the stored version; refuses
 * (StoreError) a copy of another document. Touches no database: either engine's `verify`.
 */
export function compareWithOfficial(row: VersionRow, input: VerifyInput): { document: VerifyResult['document']; report: VerificationReport; official: string } {
  if (!isFormat(input.format)) refuseFormat(input.format);
  const official = toPlainText(decodeInput(input), input.format).text;
  const report = verifyCopy(row.text, official);
  if (report.overlap < MIN_OVERLAP) {
    throw new StoreError(
      'invalid',
      `The official copy shares only ${Math.round(report.overlap * 100)}% of its paragraphs' words with "${row.title}": it looks like another document, so it was not compared.`,
    );
  }
  return { document: { id: row.id, version: row.version, title: row.title }, report, official };
}

/** Every paragraph of the official text confirmed against the copy's SHA-256, on the day of `now`. */
export function verificationOf(official: string, report: VerificationReport, now: Date): Verification {
  const day = now.toISOString().slice(0, 10);
  const note = `Confirmed against an official copy (SHA-256 ${report.officialSha256}) on ${day}.`;
  return new Map(
    splitParagraphs(official)
      .filter((p) => !p.title)
      .map((p) => [p.locator, { status: 'confirmed' as const, note }]),
  );
}

/** The add that stores an official copy as the document's next version, its metadata kept. */
export function officialVersion(row: VersionRow, input: VerifyInput, verification: Verification): AddRequest {
  return {
    ...input,
    kind: row.kind,
    id: row.id,
    title: row.title,
    date: row.date ?? undefined,
    author: row.author ?? undefined,
    issuer: row.issuer ?? undefined,
    url: row.url ?? undefined,
    language: row.language ?? undefined,
    licence: row.licence ?? undefined,
    provenance: row.provenance ?? undefined,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    verification,
  };
}
