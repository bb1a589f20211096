import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const shared = fileURLToPath(new URL('../../../../shared/contracts/alignment-report.schema.json', import.meta.url));
const ours = fileURLToPath(new URL('../contracts/alignment-report.schema.json', import.meta.url));

describe('the report schema this package ships', () => {
  it.skipIf(!existsSync(shared))('is the shared contract, unchanged', () => {
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
