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
