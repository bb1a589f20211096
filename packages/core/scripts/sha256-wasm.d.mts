/** The WebAssembly module sha256-wasm.mjs emits, as bytes. */
export function sha256CompressModule(): number[];
