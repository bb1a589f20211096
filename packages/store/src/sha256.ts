import { createHash } from 'node:crypto';

/**
 * SHA-256 of a text's UTF-8 bytes (a lone surrogate as U+FFFD), as lowercase hex: the same
 * digest as core's `sha256Hex`, computed by node:crypto. The store hashes every document it
 * adds, verifies and copies, and hands the digests to `align`, which would otherwise hash both
 * texts again in JavaScript (@noble/hashes, for hosts without a native hash): several times
 * slower on a long text than OpenSSL.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
