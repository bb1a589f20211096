import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: the identity of a document version. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Rests up to this long are encoded by hand when they are ASCII (a passage id's are, and short). */
const ASCII_REST = 256;

/**
 * The first `hexDigits` hex digits (all 64 by default) of sha256Hex of `prefix + rest`, for
 * many rests, the prefix hashed once: the ids of a report's passages all start with the
 * same two digests, two of the three blocks each id hashes. The prefix must end on a whole
 * character (a UTF-16 surrogate pair not cut in two).
 */
export function sha256HexAfter(prefix: string, hexDigits = 64): (rest: string) => string {
  const start = sha256.create().update(utf8ToBytes(prefix));
  // One hash object for every rest, the prefix's state copied into it each time, and one
  // buffer for each rest's bytes and for the digest: making a hash object costs more than
  // hashing a block, and an id's rest is a few dozen ASCII characters.
  const work = sha256.create();
  const bytes = new Uint8Array(ASCII_REST);
  const digest = new Uint8Array(32);
  const digits = Math.min(64, hexDigits);
  return (rest) => {
    const n = rest.length;
    let ascii = n <= ASCII_REST;
    for (let i = 0; ascii && i < n; i++) {
      const code = rest.charCodeAt(i);
      if (code > 0x7f) ascii = false;
      else bytes[i] = code;
    }
    start._cloneInto(work).update(ascii ? bytes.subarray(0, n) : utf8ToBytes(rest)).digestInto(digest);
    let hex = '';
    for (let i = 0; 2 * i < digits; i++) hex += HEX[digest[i]!]!;
    return hex.length > digits ? hex.slice(0, digits) : hex;
  };
}
