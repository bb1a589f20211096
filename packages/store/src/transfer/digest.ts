import { createHash } from 'node:crypto';
import { sha256Hex } from '../sha256.js';
import type { CorpusDigest, CorpusRecord } from './records.js';

/**
 * Counts a corpus's records and hashes them all, one canonical JSON line each (keys sorted,
 * so that how an engine happens to build its objects does not matter), and checks that every
 * version's text still has the SHA-256 it was stored under. Two stores holding the same
 * corpus digest alike; `mismatched` names the versions whose text does not.
 */
export async function digestCorpus(records: AsyncIterable<CorpusRecord>): Promise<CorpusDigest & { mismatched: string[] }> {
  const hash = createHash('sha256');
  const ids = new Set<string>();
  const counts = { versions: 0, paragraphs: 0, verified: 0, emphasis: 0, alignments: 0, passages: 0, deletions: 0, edits: 0 };
  const mismatched: string[] = [];
  for await (const record of records) {
    hash.update(`${canonicalJson(record)}\n`);
    if (record.type === 'version') {
      ids.add(record.id);
      counts.versions += 1;
      counts.paragraphs += record.paragraphs.length;
      counts.verified += record.paragraphs.filter((p) => p.verification !== null).length;
      counts.emphasis += record.emphasis.length;
      if (sha256Hex(record.text) !== record.sha256) mismatched.push(`${record.id} version ${record.version}`);
    } else if (record.type === 'alignment') {
      counts.alignments += 1;
      counts.passages += record.passages.length;
    } else if (record.type === 'deletion') {
      counts.deletions += 1;
    } else {
      counts.edits += 1;
    }
  }
  return { documents: ids.size, ...counts, sha256: hash.digest('hex'), mismatched };
}

/** JSON with every object's keys in sorted order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
