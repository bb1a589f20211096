import { describe, expect, it } from 'vitest';
import { keyGeneration } from '../text/spellings.js';
import { tokenize } from '../text/tokenize.js';
import { SourceIndex, idsOf } from './source-index.js';

const source = 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.';
const commentary = 'They oppose the enlargement of NATO, Moscow and Beijing said; the Alliance is told to abandon cold war approaches.';

/** So many new spellings that the process's table of spellings is emptied and starts again. */
function overflowSpellings(): void {
  const words: string[] = [];
  for (let i = 0; i < 70_000; i++) words.push(`w${i.toString(36)}x`);
  tokenize(words.join(' '));
}

describe('SourceIndex word ids', () => {
  it('gives a word the id of its key, and -1 to a word the source does not use', () => {
    const index = new SourceIndex(tokenize(source));
    const tokens = tokenize(commentary);
    const ids = Array.from(idsOf(index, tokens));
    expect(ids).toEqual(tokens.map((t) => index.idOf(t.key)));
    expect(ids[tokens.findIndex((t) => t.key === 'moscow')]).toBe(-1);
    expect(ids[tokens.findIndex((t) => t.key === 'enlargement')]).toBe(index.ids[tokenize(source).findIndex((t) => t.key === 'enlargement')]);
  });

  it('gives the same ids when the table of spellings was emptied between the source and the commentary', () => {
    const before = new SourceIndex(tokenize(source));
    const expected = Array.from(idsOf(before, tokenize(commentary)));
    const oldSourceTokens = tokenize(source);
    const generation = keyGeneration();
    overflowSpellings();
    expect(keyGeneration()).toBeGreaterThan(generation);
    // Commentary words numbered afresh, against an index made before.
    expect(Array.from(idsOf(before, tokenize(commentary)))).toEqual(expected);
    // An index of words numbered before, against a commentary numbered afresh.
    const fromOld = new SourceIndex(oldSourceTokens);
    expect(Array.from(fromOld.ids)).toEqual(Array.from(before.ids));
    expect(Array.from(idsOf(fromOld, tokenize(commentary)))).toEqual(expected);
  });
});
