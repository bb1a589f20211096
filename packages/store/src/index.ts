export { openStore, type Store, type StoreOptions } from './store.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { MAX_INPUT_BYTES } from './ingest/decode.js';
export { MIN_SHARED_SHINGLES } from './candidates.js';
export { LATEST_SCHEMA_VERSION } from './migrations/index.js';
export type * from './types.js';
export type { AlignmentReport, Passage } from '@verbatim/core';
export type { VerifyInput, VerifyOptions, VerifyResult } from './verify.js';
export { engineVersion } from './engine-version.js';
