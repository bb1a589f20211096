import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: the identity of a document version. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * sha256Hex of `prefix + rest` for many rests, the prefix hashed once: the ids of a report's
 * passages all start with the same two digests, two of the three blocks each id hashes.
 * The prefix must end on a whole character (a UTF-16 surrogate pair not cut in two).
 */
export function sha256HexAfter(prefix: string): (rest: string) => string {
  const start = sha256.create().update(utf8ToBytes(prefix));
  // One hash object for every rest, the prefix's state copied into it each time: making a
  // hash object costs more than hashing a block.
  const work = sha256.create();
  return (rest) => bytesToHex(start._cloneInto(work).update(utf8ToBytes(rest)).digest());
}
