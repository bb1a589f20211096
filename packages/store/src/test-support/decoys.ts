/**
 * Texts that look like sources but quote nothing: the statement's own words in shuffled
 * order (same vocabulary, no shared word sequences), and synthetic prose. Seeded, so a
 * failing test fails the same way twice.
 */

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Each paragraph of the text with its words in random order. */
export function shuffledWords(text: string, seed: number): string {
  const next = random(seed);
  return text
    .split(/\n\s*\n/)
    .map((p) => shuffle(p.split(/\s+/).filter(Boolean), next).join(' '))
    .join('\n\n');
}

const VOCABULARY = (
  'ministers delegation agreed communique summit bilateral trade energy grain corridor harbour ' +
  'fisheries treaty ratified council observers maritime customs tariff quota railway pipeline ' +
  'scholarship exchange visa consulate archive heritage festival drought irrigation reservoir ' +
  'vaccine laboratory satellite telescope orbit launch cooperation memorandum protocol annex ' +
  'parliament committee hearing budget deficit inflation currency reserve bank loan bond ' +
  'negotiators ceasefire monitors corridor refugees shelter convoy border crossing village ' +
  'the a of and to in on for with by from at as is was were will shall may would could'
).split(' ');

/** Prose-like text of about `words` words, sentences and paragraphs included. */
export function syntheticText(seed: number, words: number): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 && count < words; s++) {
      const length = 8 + Math.floor(next() * 14);
      const sentence = Array.from({ length }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
      sentence[0] = sentence[0]!.charAt(0).toUpperCase() + sentence[0]!.slice(1);
      sentences.push(`${sentence.join(' ')}.`);
      count += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}
