// The generated corpus the store benchmarks share (not a section itself): sources in the joint
// statement's vocabulary with no sentence in common, and commentaries quoting one of them, so
// each commentary has one source to be aligned with. Seeded: the same texts on every machine.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './lib.js';

export const STATEMENT_ID = 'joint-statement-2022-02-04';
export const statement = fs.readFileSync(fileURLToPath(new URL('../../corpus/joint-statement-2022-02-04.en.txt', import.meta.url)), 'utf8');

// Words drawn with the statement's own frequencies: diplomatic vocabulary, no shared sentences.
const WORDS = statement.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, '')).filter(Boolean);

/** A source of `words` words (800 to 3,000 by default) in paragraphs of three to five sentences. Seeded. */
export function generatedSource(seed, { words: [least, most] = [800, 3000] } = {}) {
  const random = seededRandom(seed);
  const words = least + Math.floor(random() * (most - least));
  const paragraphs = [`Generated communiqué ${seed}`];
  for (let n = 0; n < words; ) {
    const sentences = [];
    for (let s = 0; s < 3 + Math.floor(random() * 3); s++) {
      const length = 10 + Math.floor(random() * 20);
      sentences.push(`${Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')}.`);
      n += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** A short commentary quoting two sentences of one of `sources` (texts). Seeded. */
export function generatedCommentary(seed, sources) {
  const random = seededRandom(seed);
  const paragraphs = sources[Math.floor(random() * sources.length)].split('\n\n').slice(1);
  const quote = () => paragraphs[Math.floor(random() * paragraphs.length)].split('. ').slice(0, 2).join('. ');
  return [
    `Generated commentary ${seed}`,
    `Officials wrote that “${quote()}.” Observers were unconvinced.`,
    `Later they added: “${quote()}.” Nobody asked why.`,
  ].join('\n\n');
}
