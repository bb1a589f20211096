import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ours = fileURLToPath(new URL('../contracts/alignment-report.schema.json', import.meta.url));

/**
 * The SHA-256 of the contract as SPEC §2 gives it (`shared/contracts/alignment-report.schema.json`),
 * copied byte for byte into contracts/. Changing the contract is changing the SPEC: say so there
 * first, then here.
 */
const CONTRACT_SHA256 = '041ebb51861d8695e3ff37be081cfc1aaa17e331fcbad3513f628465301dab6a';

describe('the report schema this package ships', () => {
  it('is the contract as given, byte for byte', () => {
    expect(createHash('sha256').update(readFileSync(ours)).digest('hex')).toBe(CONTRACT_SHA256);
  });

  it('is the file the package exports as @verbatim/core/alignment-report.schema.json', () => {
    expect(createRequire(import.meta.url).resolve('@verbatim/core/alignment-report.schema.json')).toBe(ours);
  });
});
