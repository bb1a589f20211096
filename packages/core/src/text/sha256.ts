/**
 * SHA-256 (FIPS 180-4) of a text's UTF-8 bytes, read from the string as it is encoded.
 *
 * Our own rather than a library's because every alignment hashes both of its texts (a
 * report names the versions it compares) and a short string for each passage (its id), and
 * a library's bytes-in interface costs an encoding of each string into a new buffer before
 * the hash reads it again: here each character is encoded into the block being filled, four
 * ASCII characters a word at a time, with no object made per hash. A report's passage ids
 * cost a third of what they did with @noble/hashes; a long text about the same (the rounds
 * are the limit in JavaScript). The tests hold it to node:crypto on every kind of text.
 */

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
/** The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** The message schedule, shared: a hash runs to its end without yielding, so one is enough. */
const W = new Int32Array(64);

/**
 * A hash being computed: the chaining value, the block being filled (its whole words and
 * the bytes of the word after them), and how many bytes it has read.
 */
class Sha256 {
  readonly state = new Int32Array(INITIAL);
  readonly block = new Int32Array(16);
  /** Bytes in the block so far, 0 to 63. */
  filled = 0;
  /** The bytes of a word not yet whole, big-endian in the low bits. */
  pending = 0;
  /** Bytes read in all; a text of 2^53 bytes is not one JavaScript holds. */
  length = 0;

  copyFrom(other: Sha256): this {
    this.state.set(other.state);
    this.block.set(other.block);
    this.filled = other.filled;
    this.pending = other.pending;
    this.length = other.length;
    return this;
  }

  /** Reads the UTF-8 bytes of `text` (a lone surrogate as U+FFFD, as TextEncoder does). */
  update(text: string): this {
    const block = this.block;
    const state = this.state;
    let filled = this.filled;
    let pending = this.pending;
    let length = this.length;
    const n = text.length;
    let i = 0;
    while (i < n) {
      // Four ASCII characters on a word boundary: one word.
      if ((filled & 3) === 0 && i + 3 < n) {
        const a = text.charCodeAt(i);
        const b = text.charCodeAt(i + 1);
        const c = text.charCodeAt(i + 2);
        const d = text.charCodeAt(i + 3);
        if ((a | b | c | d) < 0x80) {
          block[filled >> 2] = (a << 24) | (b << 16) | (c << 8) | d;
          i += 4;
          length += 4;
          filled += 4;
          if (filled === 64) {
            compress(state, block);
            filled = 0;
          }
          continue;
        }
      }
      let code = text.charCodeAt(i++);
      let bytes: number;
      let count: number;
      if (code < 0x80) {
        bytes = code;
        count = 1;
      } else if (code < 0x800) {
        bytes = ((0xc0 | (code >> 6)) << 8) | (0x80 | (code & 0x3f));
        count = 2;
      } else {
        if (code >= 0xd800 && code <= 0xdfff) {
          const low = i < n ? text.charCodeAt(i) : 0;
          if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
            i++;
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          } else code = 0xfffd;
        }
        if (code < 0x10000) {
          bytes = ((0xe0 | (code >> 12)) << 16) | ((0x80 | ((code >> 6) & 0x3f)) << 8) | (0x80 | (code & 0x3f));
          count = 3;
        } else {
          bytes = ((0xf0 | (code >> 18)) << 24) | ((0x80 | ((code >> 12) & 0x3f)) << 16) | ((0x80 | ((code >> 6) & 0x3f)) << 8) | (0x80 | (code & 0x3f));
          count = 4;
        }
      }
      length += count;
      // The character's bytes, first to last.
      for (let k = count - 1; k >= 0; k--) {
        pending = (pending << 8) | ((bytes >>> (8 * k)) & 0xff);
        filled++;
        if ((filled & 3) === 0) {
          block[(filled >> 2) - 1] = pending;
          pending = 0;
          if (filled === 64) {
            compress(state, block);
            filled = 0;
          }
        }
      }
    }
    this.filled = filled;
    this.pending = pending;
    this.length = length;
    return this;
  }

  /** The padding and the length in bits, then the chaining value as lowercase hex. The hash is spent. */
  hex(): string {
    const block = this.block;
    let filled = this.filled;
    // A one bit, then zeros to 56 bytes (mod 64), then the length in bits as 64 bits.
    let pending = (this.pending << 8) | 0x80;
    filled++;
    while ((filled & 3) !== 0) {
      pending <<= 8;
      filled++;
    }
    block[(filled >> 2) - 1] = pending;
    if (filled > 56) {
      block.fill(0, filled >> 2);
      compress(this.state, block);
      filled = 0;
    }
    block.fill(0, filled >> 2, 14);
    const bits = this.length * 8;
    block[14] = Math.floor(bits / 0x100000000);
    block[15] = bits >>> 0;
    compress(this.state, block);
    let out = '';
    for (let k = 0; k < 8; k++) {
      const v = this.state[k]!;
      out += HEX[(v >>> 24) & 0xff]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
    }
    return out;
  }
}

/** One block of the compression function, on 32-bit integers (`| 0` keeps every sum one). */
function compress(state: Int32Array, block: Int32Array): void {
  const w = W;
  w.set(block);
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: the identity of a document version. */
export function sha256Hex(text: string): string {
  return new Sha256().update(text).hex();
}

/**
 * sha256Hex of `prefix + rest` for many rests, the prefix hashed once: the ids of a report's
 * passages all start with the same two digests, two of the three blocks each id hashes.
 * The prefix must end on a whole character (a UTF-16 surrogate pair not cut in two).
 */
export function sha256HexAfter(prefix: string): (rest: string) => string {
  const start = new Sha256().update(prefix);
  // One hash for every rest, the prefix's state copied into it each time.
  const work = new Sha256();
  return (rest) => work.copyFrom(start).update(rest).hex();
}
