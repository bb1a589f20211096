import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PassageStatus } from './types.js';

const ours = fileURLToPath(new URL('../contracts/alignment-report.schema.json', import.meta.url));

/**
 * The SHA-256 of the contract: SPEC §2's (`shared/contracts/alignment-report.schema.json`) as
 * issue 10 extends it — the status `paraphrased` and a passage's optional `candidates` — and
 * the report's optional `engineVersion`, which §2 says reports carry.
 * Changing the contract is changing the SPEC: say so there first, then here.
 */
const CONTRACT_SHA256 = '0e2cd67359dfdf710a3d3c56d86749166b10950c52f7aaa5d854628d4df2deb3';
const schema = JSON.parse(readFileSync(ours, 'utf8'));

describe('the report schema this package ships', () => {
  it('is the contract as given, byte for byte', () => {
    expect(createHash('sha256').update(readFileSync(ours)).digest('hex')).toBe(CONTRACT_SHA256);
  });

  it('names every status the engine gives, from verbatim to not found', () => {
    const statuses: PassageStatus[] = ['verbatim', 'variant', 'altered', 'paraphrased', 'not_found'];
    expect(schema.$defs.passage.properties.status.enum).toEqual(statuses);
  });

  it('is the file the package exports as @verbatim/core/alignment-report.schema.json', () => {
    expect(createRequire(import.meta.url).resolve('@verbatim/core/alignment-report.schema.json')).toBe(ours);
  });
});
