/**
 * The seed pair (the joint statement and the op-ed) as the comparison page receives it: read
 * through the API, as the page reads it, from an API opened on a temporary database with the
 * repository's corpus. Tests assert on the real case, not on a hand-made report that could
 * drift from what the engine says.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type StoredDocument } from '@verbatim/api';
import type { CheckAnswer } from '../check/view';
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

const cached = new Map<string, Promise<Seed>>();

/** The op-ed against the statement: the seed pair, as shipped. */
export function seedPair(): Promise<Seed> {
  return pair(COMMENTARY_ID);
}

/**
 * The statement against one of the engine's test commentaries (`packages/core/test-commentaries`),
 * added through the API as a user adds one: `repeated-formulas.txt` for passages that fit
 * several places equally.
 */
export function testCommentaryPair(file: string): Promise<Seed> {
  return pair(file, readFileSync(fileURLToPath(new URL(`../../../../../packages/core/test-commentaries/${file}`, import.meta.url)), 'utf8'));
}

function pair(key: string, commentaryText?: string): Promise<Seed> {
  let seed = cached.get(key);
  if (!seed) cached.set(key, (seed = load(commentaryText)));
  return seed;
}

/** An API opened on a temporary database with the repository's corpus, for the length of `use`. */
async function withApi<T>(use: (get: <R>(path: string, init?: RequestInit) => Promise<R>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-web-unit-'));
  const { app, close } = await openApp({ dbPath: join(dir, 'verbatim.db'), corpusDir: CORPUS_DIR });
  try {
    return await use(async <R>(path: string, init?: RequestInit): Promise<R> => {
      const res = await app.request(path, init);
      if (!res.ok) throw new Error(`The API answered ${res.status} for ${path}: ${await res.text()}`);
      return (await res.json()) as R;
    });
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** What `POST /api/check` answers for `text` against the repository's corpus, as the check page receives it. */
export function checkAnswer(text: string): Promise<CheckAnswer> {
  return withApi((get) => get<CheckAnswer>('/api/check', postJson({ text })));
}

function load(commentaryText: string | undefined): Promise<Seed> {
  return withApi(async (get) => {
    const commentaryId =
      commentaryText === undefined
        ? COMMENTARY_ID
        : (await get<StoredDocument>('/api/documents', postJson({ text: commentaryText, kind: 'commentary' }))).id;
    const [report, source, commentary] = await Promise.all([
      get<Report>(`/api/alignments/${SOURCE_ID}/${commentaryId}`),
      get<StoredDocument>(`/api/documents/${SOURCE_ID}`),
      get<StoredDocument>(`/api/documents/${commentaryId}`),
    ]);
    return { report, source: toDocumentText(source), commentary: toDocumentText(commentary), sourceDocument: source };
  });
}
