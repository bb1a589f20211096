import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentary } from './test-support/commentaries.js';
import { badSpans, opEd, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
import type { Passage } from './types.js';

const text = commentary('other-translation.txt');
const report = align(statement, text, { lexicon: wordnet });
const quoting = (words: string): Passage => {
  const found = report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ').startsWith(words));
  expect(found, `one passage starting "${words}"`).toHaveLength(1);
  return found[0]!;
};

suite('quotations from another translation of the statement', () => {
  it('is a schema-valid report whose every span slices back to its text', () => {
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });

  it('pins "object to efforts … field of military confrontation" to the outer-space sentence of III.14 as paraphrased', () => {
    const p = quoting('the two countries object to efforts');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('III.14');
    expect(p.source!.text).toBe('The sides oppose attempts by some States to turn outer space into an arena of armed confrontation');
    expect('candidates' in p).toBe(false);
    // Its words differ where the translations differ, and a reader sees each change.
    const changes = p.differences.map((d) => `${d.source.text} → ${d.commentary.text}`);
    expect(changes).toContain('turn → transform');
    // The two translations share "of": each side of it is a change of its own.
    expect(changes).toContain('an arena → a field');
    expect(changes).toContain('armed → military');
    expect(p.similarity).toBeGreaterThan(0.2);
    expect(p.similarity).toBeLessThan(0.6);
  });

  it('pins "reject any further widening of NATO" to the NATO sentence of III.6, reordered "Cold War" included', () => {
    const p = quoting('the two nations reject');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('III.6');
    expect(p.source!.text).toBe('The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches');
    expect(p.differences.map((d) => `${d.source.text} → ${d.commentary.text}`)).toContain('call on → urge');
  });

  it('still calls a quotation found in no wording not found', () => {
    const p = quoting('the two governments will build');
    expect(p).toMatchObject({ status: 'not_found', source: null });
  });

  it('does not take a made-up line whose words lie over two of the statement\'s sentences for a paraphrase', () => {
    // II.9 has "the two countries and the peoples of the world. They will further increase…":
    // the words are there, but in no one sentence of it.
    const made = 'Officials told us that "our two countries will never accept a world without rules" at the summit.';
    const [p] = align(statement, made, { lexicon: wordnet }).passages;
    expect(p).toMatchObject({ status: 'not_found', source: null });
  });

  it('does not pin a quotation to a paragraph that only shares the name "People\'s Republic of China"', () => {
    expect(quoting("the People's Republic of China has never")).toMatchObject({ status: 'not_found', source: null });
  });

  it('does not take a treaty\'s full title for a borrowing, though it has eight words in common', () => {
    expect(report.passages.some((p) => p.commentary.text.includes('Treaty'))).toBe(false);
  });

  it('gives a formula the statement repeats all its places as candidates instead of picking one', () => {
    const p = quoting('the sides call on the international community to');
    expect(p.status).toBe('verbatim');
    expect('candidates' in p && p.candidates!.map((c) => c.locator)).toEqual(['I.5', 'II.4', 'II.5']);
    expect('candidates' in p && p.candidates![0]).toEqual(p.source);
  });

  it('without a lexicon, reports those quotations not found rather than in a wrong place', () => {
    const plain = align(statement, text);
    expect(plain.passages.map((p) => p.status)).toEqual(['not_found', 'not_found', 'not_found', 'not_found', 'verbatim']);
  });

  it('loads the lexicon only when a quotation is not found word for word', () => {
    let loads = 0;
    const counted = () => {
      loads++;
      return wordnet();
    };
    align(statement, opEd, { lexicon: counted });
    expect(loads).toBe(0);
    align(statement, text, { lexicon: counted });
    expect(loads).toBe(1);
  });
});
