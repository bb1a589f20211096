import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { bestChains } from './chain.js';
import { extend } from './extend.js';
import { findRuns } from './runs.js';
import { SourceIndex, idsOf } from './source-index.js';

const source = 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its cold war approaches.';
const sourceTokens = tokenize(source);
const index = new SourceIndex(sourceTokens);
const runsOf = (commentary: string) => {
  const tokens = tokenize(commentary);
  const ids = idsOf(index, tokens);
  return { tokens, ids, runs: findRuns(index, ids, { start: 0, end: tokens.length }) };
};
const options = { maxGap: 8, maxEllipsisGap: 2000, ellipsisBetweenWords: () => false };

describe('seeds, runs and chains', () => {
  it('finds the maximal runs the commentary shares with the source, once each', () => {
    const { runs } = runsOf('they oppose further enlargement of NATO and call on the Alliance to abandon its cold war approaches');
    expect(runs).toEqual([
      { c: 1, s: 2, length: 9 },
      { c: 10, s: 13, length: 7 },
    ]);
  });

  it('chains runs that keep their order across a small gap into one candidate passage', () => {
    const { runs } = runsOf('they oppose further enlargement of NATO and call on the Alliance to abandon its cold war approaches');
    const chains = bestChains(runs, options, () => true);
    expect(chains).toHaveLength(1);
    expect(chains[0]).toMatchObject({ cStart: 1, cEnd: 17, sStart: 2, sEnd: 20, matched: 16, longest: 9 });
  });

  it('keeps runs out of order as separate chains', () => {
    const { runs } = runsOf('abandon its cold war approaches, and oppose further enlargement of NATO');
    const chains = bestChains(runs, options, () => true).sort((a, b) => a.cStart - b.cStart);
    expect(chains.map((c) => [c.cStart, c.sStart])).toEqual([
      [0, 15],
      [6, 2],
    ]);
  });

  it('keeps a chain over the same words at another place, as strong on every count, as a tie; a weaker one is passed over', () => {
    const twice = tokenize('The sides call on the international community to act. Later the sides call on the international community to help.');
    const at = new SourceIndex(twice);
    const ids = idsOf(at, tokenize('they say the sides call on the international community to'));
    const chains = bestChains(findRuns(at, ids, { start: 0, end: ids.length }), options, () => true);
    expect(chains).toHaveLength(1);
    expect(chains[0]).toMatchObject({ cStart: 2, sStart: 0, matched: 8 });
    expect(chains[0]!.ties.map((t) => [t.cStart, t.sStart, t.matched])).toEqual([[2, 10, 8]]);
    // One word more in common at the second place: it wins, and there is no tie.
    const longer = idsOf(at, tokenize('later the sides call on the international community to'));
    const [best] = bestChains(findRuns(at, longer, { start: 0, end: longer.length }), options, () => true);
    expect(best).toMatchObject({ sStart: 9, matched: 9, ties: [] });
  });

  it('ranks chains over the same words by their evidence before their length', () => {
    const source = tokenize('of the Union and of the Party of the North. Far from it, years later and in another city, the party agree on trade.');
    const at = new SourceIndex(source);
    const ids = idsOf(at, tokenize('of the union and of the party agree'));
    // "of the union and of the party" at the first place, seven words; "the party agree" at
    // the second, three. Weighed as a quotation's words are ("agree" whole, "party" a quarter,
    // the rest nothing), the second has more evidence.
    const weigh = (c: number, length: number) => {
      let w = 0;
      for (let k = c; k < c + length; k++) w += k === 7 ? 1 : k === 6 ? 0.25 : 0;
      return w;
    };
    const runs = findRuns(at, ids, { start: 0, end: ids.length });
    expect(bestChains(runs, options, () => true)[0]).toMatchObject({ cStart: 0, sStart: 0, matched: 7 });
    expect(bestChains(runs, { ...options, weigh }, () => true)[0]).toMatchObject({ cStart: 5, sStart: 19, matched: 3, evidence: 1.25 });
  });

  it('finds where a sequence of words occurs in full', () => {
    const ids = idsOf(index, tokenize('North Atlantic Alliance'));
    expect(index.occurrences(ids)).toEqual([11]);
    expect(index.occurrences(idsOf(index, tokenize('Atlantic North')))).toEqual([]);
  });

  it('takes in a word inserted at the edge of a chain when a match lies beyond it', () => {
    const commentary = tokenize('The two sides oppose further enlargement');
    const grown = extend({ sourceText: source, commentary, source: sourceTokens, cFrom: 2, sFrom: 1, cAvailable: 2, direction: -1, wholeCommentary: false });
    expect(grown).toEqual({ c: 2, s: 1 });
    const none = extend({ sourceText: source, commentary: tokenize('Our view: sides oppose'), source: sourceTokens, cFrom: 2, sFrom: 1, cAvailable: 2, direction: -1, wholeCommentary: false });
    expect(none).toEqual({ c: 0, s: 0 });
  });
});
