#!/usr/bin/env node
/**
 * Writes src/text/sha256-wasm.ts: SHA-256's compression function (FIPS 180-4, 6.2.2) as a
 * WebAssembly module of one function, `compress(blocks)`, emitted instruction by instruction
 * here (no toolchain needed). Memory layout, shared with sha256.ts: the chaining value at
 * byte 0 (8 words), the round constants at 64 (64 words, written by sha256.ts), the message
 * schedule at 512, the blocks to compress from 1024 on. Words are little-endian in memory;
 * the blocks' big-endian words are byte-swapped as they are read.
 * Run: node scripts/sha256-wasm.mjs (a test holds the file to what this emits).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The module's bytes. */
export function sha256CompressModule() {
  const OP = { br: 0x0c, get: 0x20, set: 0x21, tee: 0x22, const: 0x41, load: 0x28, store: 0x36, add: 0x6a, and: 0x71, or: 0x72, xor: 0x73, shl: 0x74, shr_u: 0x76, rotl: 0x77, rotr: 0x78, ne: 0x47, lt_u: 0x49, block: 0x02, loop: 0x03, br_if: 0x0d, end: 0x0b, void: 0x40 };
  const leb = (n) => { const out = []; n |= 0; for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; } out.push(b | 0x80); } };
  const uleb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const code = [];
  const e = (...b) => code.push(...b);
  const get = (l) => e(OP.get, ...uleb(l)); const set = (l) => e(OP.set, ...uleb(l)); const tee = (l) => e(OP.tee, ...uleb(l));
  const c = (n) => e(OP.const, ...leb(n));
  const load = (off) => e(OP.load, 2, ...uleb(off)); const store = (off) => e(OP.store, 2, ...uleb(off));
  // locals: 0 n (blocks), 1 ptr, 2 i4, 3..10 a..h, 11 t1, 12 x, 13 end
  const [N, PTR, I4, A, B, C, D, E, F, G, H, T1, X, END] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const STATE = 0, K = 64, W = 512, INPUT = 1024;
  const rotr = (l, r) => { get(l); c(r); e(OP.rotr); };
  // end = INPUT + n * 64; ptr = INPUT
  get(N); c(6); e(OP.shl); c(INPUT); e(OP.add); set(END);
  c(INPUT); set(PTR);
  e(OP.block, OP.void); e(OP.loop, OP.void);
    get(PTR); get(END); e(OP.lt_u); e(0x45 /* i32.eqz */); e(OP.br_if, 1);
    // W[0..15]: the block's big-endian words
    for (let t = 0; t < 16; t++) {
      c(0); // address for the store (W + 4t via offset)
      get(PTR); load(4 * t); tee(X); c(8); e(OP.rotl); c(0x00ff00ff); e(OP.and);
      get(X); c(8); e(OP.rotr); c(0xff00ff00 | 0); e(OP.and); e(OP.or);
      store(W + 4 * t);
    }
    // W[16..63]
    c(64); set(I4);
    e(OP.loop, OP.void);
      get(I4); // store address
      get(I4); load(W - 64); // W[i-16]
      get(I4); load(W - 60); tee(X); c(7); e(OP.rotr); get(X); c(18); e(OP.rotr); e(OP.xor); get(X); c(3); e(OP.shr_u); e(OP.xor); e(OP.add);
      get(I4); load(W - 28); e(OP.add); // W[i-7]
      get(I4); load(W - 8); tee(X); c(17); e(OP.rotr); get(X); c(19); e(OP.rotr); e(OP.xor); get(X); c(10); e(OP.shr_u); e(OP.xor); e(OP.add);
      store(W);
      get(I4); c(4); e(OP.add); tee(I4); c(256); e(OP.lt_u); e(OP.br_if, 0);
    e(OP.end);
    // a..h = state
    for (let k = 0; k < 8; k++) { c(0); load(STATE + 4 * k); set(A + k); }
    c(0); set(I4);
    e(OP.loop, OP.void);
      // t1 = h + S1(e) + ch(e,f,g) + K[i] + W[i]
      get(H);
      rotr(E, 6); rotr(E, 11); e(OP.xor); rotr(E, 25); e(OP.xor); e(OP.add);
      get(E); get(F); e(OP.and); get(E); c(-1); e(OP.xor); get(G); e(OP.and); e(OP.xor); e(OP.add);
      get(I4); load(K); e(OP.add);
      get(I4); load(W); e(OP.add);
      set(T1);
      // h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + S0(a) + maj(a,b,c)
      // x = S0(a) + maj(a, b, c), from the old a, b, c
      rotr(A, 2); rotr(A, 13); e(OP.xor); rotr(A, 22); e(OP.xor);
      get(A); get(B); e(OP.and); get(A); get(C); e(OP.and); e(OP.xor); get(B); get(C); e(OP.and); e(OP.xor); e(OP.add);
      set(X);
      get(G); set(H); get(F); set(G); get(E); set(F);
      get(D); get(T1); e(OP.add); set(E);
      get(C); set(D); get(B); set(C); get(A); set(B);
      get(T1); get(X); e(OP.add); set(A);
      get(I4); c(4); e(OP.add); tee(I4); c(256); e(OP.lt_u); e(OP.br_if, 0);
    e(OP.end);
    for (let k = 0; k < 8; k++) { c(0); c(0); load(STATE + 4 * k); get(A + k); e(OP.add); store(STATE + 4 * k); }
    get(PTR); c(64); e(OP.add); set(PTR);
    e(OP.br, 0);
  e(OP.end); e(OP.end);
  e(OP.end); // function
  const body = [1, ...uleb(13), 0x7f, ...code]; // one local group: 13 i32
  const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
  const str = (s) => [...uleb(s.length), ...Buffer.from(s)];
  const mod = [
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 1, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...str('memory'), 2, 0, ...str('compress'), 0, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ];
  return mod;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = sha256CompressModule();
  const lines = [];
  for (let i = 0; i < bytes.length; i += 24) lines.push(`  ${bytes.slice(i, i + 24).join(', ')},`);
  const out = [
    '// Generated by scripts/sha256-wasm.mjs: SHA-256\'s compression function as WebAssembly. Do not edit.',
    'export const SHA256_COMPRESS_WASM = new Uint8Array([',
    ...lines,
    ']);',
    '',
  ].join('\n');
  writeFileSync(new URL('../src/text/sha256-wasm.ts', import.meta.url), out);
}
