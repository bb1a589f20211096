import type { Db } from './database.js';
import { idExists } from './documents.js';
import { StoreError } from './errors.js';

/** Ids appear in URLs and command lines: letters, digits, dots, hyphens and underscores. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_SLUG = 60;

export function checkId(id: string): string {
  if (!ID.test(id)) {
    throw new StoreError(
      'invalid',
      `The id ${JSON.stringify(id)} is not usable; use up to 128 letters, digits, dots, hyphens or underscores, starting with a letter or digit.`,
    );
  }
  return id;
}

/**
 * An id for a document added without one: its title as a slug, made unique with the
 * start of its SHA-256 when another document has the slug. The same text added to the
 * same store gets the same id.
 */
export function newId(db: Db, title: string, fallback: string, sha256: string): string {
  const slug = slugOf(title, fallback);
  return idExists(db, slug) ? withSha(slug, sha256) : slug;
}

/** A title as an id: lower-case letters and digits joined by hyphens, or `fallback` when none is left. */
export function slugOf(title: string, fallback: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_SLUG)
      .replace(/^-+|-+$/g, '') || fallback
  );
}

/** The id of a text whose slug another document has taken. */
export function withSha(slug: string, sha256: string): string {
  return `${slug}-${sha256.slice(0, 8)}`;
}
