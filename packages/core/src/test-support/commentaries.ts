import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A commentary of our own from test-commentaries/ (each also runs through `npx verbatim align`). */
export function commentary(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../test-commentaries/${name}`, import.meta.url)), 'utf8');
}
