import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { gapOps, type ComparisonInput } from './differences.js';

/** A gap between two anchors: its words on each side, from a vocabulary small enough that words recur. */
const words = (max: number) => fc.array(fc.constantFrom('the', 'sides', 'oppose', 'firmly', 'NATO', 'enlargement'), { minLength: 1, maxLength: max });

function input(source: string[], commentary: string[], ownAt: number[]): { input: ComparisonInput; s: number; c: number } {
  const sourceTokens = tokenize(source.join(' '));
  const commentaryTokens = tokenize(commentary.join(' '));
  const quotersOwn = ownAt.length > 0 ? new Set(ownAt.filter((k) => k < commentaryTokens.length).map((k) => commentaryTokens[k]!)) : undefined;
  return {
    input: { sourceTokens, commentaryTokens, quotersOwn } as unknown as ComparisonInput,
    s: sourceTokens.length,
    c: commentaryTokens.length,
  };
}

describe('the stretches of a gap between anchors', () => {
  it('are what the diff gives, whatever the words on each side and the quoter’s own words among them', () => {
    fc.assert(
      fc.property(fc.boolean(), words(3), words(9), fc.array(fc.nat(9), { maxLength: 2 }), (sourceSide, few, many, ownAt) => {
        const { input: i, s, c } = sourceSide ? input(few, many, ownAt) : input(many, few, ownAt);
        const sRange = { start: 0, end: s };
        const cRange = { start: 0, end: c };
        expect(gapOps(i, sRange, cRange)).toEqual(gapOps(i, sRange, cRange, true));
      }),
      { numRuns: 2000 },
    );
  });
});
