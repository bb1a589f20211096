import { describe, expect, it } from 'vitest';
import { sameLemma, spellingKey } from './spelling.js';

describe('spelling variants', () => {
  it.each([
    ['monopolise', 'monopolize'],
    ['colour', 'color'],
    ['behaviour', 'behavior'],
    ['fulfilment', 'fulfillment'],
    ['fulfil', 'fulfill'],
    ['wellbeing', 'well-being'],
    ['defence', 'defense'],
    ['centre', 'center'],
    ['catalogue', 'catalog'],
    ['analyse', 'analyze'],
    ['travelled', 'traveled'],
    ['judgement', 'judgment'],
  ])('%s and %s have one key', (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });

  it.each([
    ['four', 'for'],
    ['your', 'yor'],
    ['reflects', 'reflect'],
    ['state', 'states'],
  ])('%s and %s stay different words', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });

  it('tells an inflection from another word', () => {
    expect(sameLemma('reflects', 'reflect')).toBe(true);
    expect(sameLemma('alliances', 'alliance')).toBe(true);
    expect(sameLemma('russian', 'russia')).toBe(true);
    expect(sameLemma('and', 'which')).toBe(false);
    expect(sameLemma('state', 'statement')).toBe(false);
  });
});
