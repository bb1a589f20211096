/**
 * The seed pair (the joint statement and the op-ed) as the comparison page receives it: read
 * through the API, as the page reads it, from an API opened on a temporary database with the
 * repository's corpus. Tests assert on the real case, not on a hand-made report that could
 * drift from what the engine says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type StoredDocument } from '@verbatim/api';
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

export async function seedPair(): Promise<Seed> {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-web-unit-'));
  const { app, close } = await openApp({ dbPath: join(dir, 'verbatim.db'), corpusDir: CORPUS_DIR });
  try {
    const get = async <T>(path: string): Promise<T> => {
      const res = await app.request(path);
      if (!res.ok) throw new Error(`The API answered ${res.status} for ${path}: ${await res.text()}`);
      return (await res.json()) as T;
    };
    const [report, source, commentary] = await Promise.all([
      get<Report>(`/api/alignments/${SOURCE_ID}/${COMMENTARY_ID}`),
      get<StoredDocument>(`/api/documents/${SOURCE_ID}`),
      get<StoredDocument>(`/api/documents/${COMMENTARY_ID}`),
    ]);
    cached = { report, source: toDocumentText(source), commentary: toDocumentText(commentary), sourceDocument: source };
    return cached;
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
