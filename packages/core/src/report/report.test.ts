import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../text/paragraphs.js';
import { tokenize } from '../text/tokenize.js';
import { contextOf } from './context.js';
import { coverageOf, coveredWords, omissionsOf } from './coverage.js';

const source = 'Title line\n\nFirst paragraph. The sides believe that certain States, military alliances seek advantages. Last sentence.\n\nSecond paragraph, never quoted.';
const paragraphs = splitParagraphs(source);

describe('context, omissions and coverage', () => {
  it('gives the words a passage cut off, up to the sentence boundary', () => {
    const start = source.indexOf('military');
    const end = source.indexOf(' seek');
    expect(contextOf(source, paragraphs, start, end)).toEqual({ before: 'The sides believe that certain States,', after: 'seek advantages.' });
    const whole = source.indexOf('Last sentence.');
    expect(contextOf(source, paragraphs, whole, whole + 'Last sentence.'.length)).toEqual({ before: '', after: '' });
  });

  it('lists paragraphs no passage touches as whole omissions, and the uncovered rest of the others', () => {
    const tokens = tokenize(source);
    const start = source.indexOf('military');
    const covered = coveredWords(tokens, [{ start, end: source.indexOf(' seek') }], []);
    const omissions = omissionsOf(paragraphs, tokens, covered).map((o) => [o.locator, o.whole, source.slice(o.start, o.end)]);
    expect(omissions).toEqual([
      ['¶1', false, 'First paragraph. The sides believe that certain States'],
      ['¶1', false, 'seek advantages. Last sentence'],
      ['¶2', true, 'Second paragraph, never quoted.'],
    ]);
    expect(coverageOf(covered, new Uint8Array([1, 0, 0, 0]))).toEqual({ source: 0.1, commentary: 0.25 });
  });
});
