import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus that ships with the product, at the repository root. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

export const STATEMENT_ID = 'joint-statement-2022-02-04';
export const OP_ED_ID = 'op-ed-expanding-sino-russian-cooperation';
export const STATEMENT_FILE = 'joint-statement-2022-02-04.en.txt';
export const OP_ED_FILE = 'op-ed-expanding-sino-russian-cooperation.txt';

export const statementText = (): string => fs.readFileSync(path.join(CORPUS_DIR, STATEMENT_FILE), 'utf8');
export const opEdText = (): string => fs.readFileSync(path.join(CORPUS_DIR, OP_ED_FILE), 'utf8');

/** A copy of the corpus a test may change. */
export function copyCorpus(to: string): string {
  fs.cpSync(CORPUS_DIR, to, { recursive: true });
  return to;
}
