import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export interface DocumentMetadata {
  id?: string;
  title?: string;
}

/**
 * The id and title from the metadata file beside a document (`x.en.txt` →
 * `x.en.meta.json`), as the corpus keeps them (SPEC §1). Optional by nature: a missing or
 * unreadable metadata file, or one that names another file, yields no metadata rather
 * than an error, since the texts alone are enough to align.
 */
export async function readSiblingMetadata(documentPath: string): Promise<DocumentMetadata> {
  const metaPath = documentPath.replace(/\.[^./\\]*$/, '') + '.meta.json';
  if (metaPath === documentPath) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(metaPath, 'utf8'));
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const meta = parsed as Record<string, unknown>;
  if (typeof meta.file === 'string' && meta.file !== basename(documentPath)) return {};
  const out: DocumentMetadata = {};
  if (typeof meta.id === 'string') out.id = meta.id;
  if (typeof meta.title === 'string') out.title = meta.title;
  return out;
}
