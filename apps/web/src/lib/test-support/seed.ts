/**
 * The seed pair (the joint statement and the op-ed) as the comparison page receives it, from a
 * store opened on a temporary database with the repository's corpus: tests assert on the real
 * case, not on a hand-made report that could drift from what the engine says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type StoredDocument } from '@verbatim/store';
import type { DocumentText, Report } from '../compare/model';
import { toDocumentText } from '../document-text';

export const SOURCE_ID = 'joint-statement-2022-02-04';
export const COMMENTARY_ID = 'op-ed-expanding-sino-russian-cooperation';
export const CORPUS_DIR = fileURLToPath(new URL('../../../../../corpus', import.meta.url));

export interface Seed {
  report: Report;
  source: DocumentText;
  commentary: DocumentText;
  sourceDocument: StoredDocument;
}

let cached: Seed | undefined;

export function seedPair(): Seed {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-web-unit-'));
  const store = openStore({ path: join(dir, 'verbatim.db'), corpusDir: CORPUS_DIR });
  try {
    const report = store.alignment(SOURCE_ID, COMMENTARY_ID);
    const source = store.get(SOURCE_ID);
    const commentary = store.get(COMMENTARY_ID);
    if (!report || !source || !commentary) throw new Error('The corpus did not give the seed pair.');
    cached = { report, source: toDocumentText(source), commentary: toDocumentText(commentary), sourceDocument: source };
    return cached;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
