import { describe, expect, it } from 'vitest';
import { diffLabel, quote } from './passages';
import { ghostWords } from './columns';

const span = (text: string, start = 0) => ({ start, end: start + text.length, text });

describe('labels of differences', () => {
  it('say what was added, left out or changed, and why it does not count when an editorial mark accounts for it', () => {
    expect(diffLabel({ type: 'insert', category: 'wording', editorial: false, source: span(''), commentary: span('two') })).toBe(
      'Wording: “two” added by the commentary',
    );
    expect(diffLabel({ type: 'delete', category: 'wording', editorial: false, source: span('by'), commentary: span('') })).toBe(
      'Wording: “by” left out by the commentary',
    );
    expect(diffLabel({ type: 'delete', category: 'omission', editorial: true, source: span('of the new era'), commentary: span('…') })).toBe(
      'Omission: “of the new era” left out by the commentary (accounted for by an editorial mark)',
    );
  });

  it('shorten long words and flatten line breaks', () => {
    expect(quote('a\n\nb')).toBe('“a b”');
    expect(quote('x'.repeat(200), 10)).toBe(`“${'x'.repeat(9)}…”`);
  });

  it('count the words an ellipsis hides rather than spell them out', () => {
    expect(ghostWords('by', false)).toBe('by');
    expect(ghostWords('of the new coronavirus infection', true)).toBe('5 words');
    expect(ghostWords('word '.repeat(20), false)).toBe('20 words');
  });
});
