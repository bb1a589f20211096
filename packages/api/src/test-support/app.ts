import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '@verbatim/store';
import { createApp, type AppOptions } from '../app.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** The W3C Web Annotation Working Group's test assertions, vendored (see its ABOUT.md). */
export const W3C_TESTS_DIR = fileURLToPath(new URL('../../test-data/w3c-annotation-tests/', import.meta.url));

export const STATEMENT = 'joint-statement-2022-02-04';
export const OP_ED = 'op-ed-expanding-sino-russian-cooperation';
export const SEED_REPORT = `/api/alignments/${STATEMENT}/${OP_ED}`;

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** The app on a real store in a fresh temp folder, with the corpus loaded. */
export async function openTestApp(options: Omit<AppOptions, 'store'> = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-api-'));
  const store = await openStore({ path: path.join(dir, 'verbatim.db'), corpusDir: CORPUS_DIR });
  const app = createApp({ logError: () => {}, ...options, store });
  return {
    app,
    store,
    dir,
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function readCorpus(file: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}

/** One of the engine's own test commentaries (`packages/core/test-commentaries`), written for a case the API must carry too. */
export function readTestCommentary(file: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'packages', 'core', 'test-commentaries', file), 'utf8');
}

/** A problem response's body, after checking it is one. */
export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail: string }> {
  if (!res.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected a problem, got ${res.status} ${res.headers.get('content-type')}: ${await res.text()}`);
  }
  return (await res.json()) as { type: string; title: string; status: number; detail: string };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
