import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LexiconData } from '../lexicon/lexicon.js';

let data: LexiconData | undefined;

/** The shipped lexicon, read as a Node caller of `align` reads it: once, when asked. */
export function wordnet(): LexiconData {
  return (data ??= JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/wordnet.json', import.meta.url)), 'utf8')) as LexiconData);
}
