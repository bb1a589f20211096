import { sha256Hex } from '../sha256.js';
import { StoreError } from '../errors.js';
import type { VersionRecord } from './records.js';

// What every engine's `importCorpus` checks, in the same words.

/** The one sentence for a target that is not empty: a copy never merges into another corpus. */
export function refuseUnlessEmpty(rows: number, location: string): void {
  if (rows > 0) {
    throw new StoreError('invalid', `The database ${location} already holds a corpus; copy into an empty database only, so that nothing is mixed or overwritten.`);
  }
}

/** A version whose text is not what its SHA-256 says was damaged on the way: nothing is written. */
export function checkText(record: VersionRecord): void {
  if (sha256Hex(record.text) !== record.sha256) {
    throw new StoreError('corpus', `Version ${record.version} of "${record.id}" does not have the SHA-256 it was stored under, so nothing was copied.`);
  }
}

/** A version named by id and version number, as a map key. */
export function versionKey(ref: { id: string; version: number }): string {
  return `${ref.id}\u0000${ref.version}`;
}

/** The store's own key of a version a record names by id and version number. */
export function vidOf(vids: ReadonlyMap<string, number>, ref: { id: string; version: number }): number {
  const vid = vids.get(versionKey(ref));
  if (vid === undefined) {
    throw new StoreError('corpus', `An alignment names version ${ref.version} of "${ref.id}", which the corpus being copied does not hold, so nothing was copied.`);
  }
  return vid;
}
