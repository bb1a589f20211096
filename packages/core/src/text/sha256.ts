import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: the identity of a document version. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8(text)));
}

/**
 * The WHATWG encoder every JavaScript host has (browsers, Node, Deno, workers; @noble/hashes
 * uses it too). The engine is built against ES2023's library alone, which does not name it.
 */
declare const TextEncoder: new () => { encode(text: string): Uint8Array; encodeInto(text: string, into: Uint8Array): { read: number; written: number } };
const encoder = new TextEncoder();
/**
 * The UTF-8 bytes of the last text encoded, in one buffer for every text up to this size
 * (three bytes a UTF-16 code unit at most): hashing reads them at once and keeps nothing,
 * and a source's text encoded afresh each time was a copy, a second copy and a wipe of it
 * (@noble/hashes' utf8ToBytes) for each source not seen before.
 */
const SCRATCH_BYTES = 1 << 20;
let scratch = new Uint8Array(1 << 16);

/** A text's UTF-8 bytes, valid until the next call: in the shared buffer when they fit. */
function utf8(text: string): Uint8Array {
  const most = 3 * text.length;
  if (most > SCRATCH_BYTES) return encoder.encode(text);
  if (most > scratch.length) scratch = new Uint8Array(Math.min(SCRATCH_BYTES, Math.max(most, 2 * scratch.length)));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
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
