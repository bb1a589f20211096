import { describe, expect, it } from 'vitest';
import { selectors } from './annotation.js';
import { codePointOffset } from './code-points.js';

/** Where a quote selector anchors: the one place prefix + exact + suffix occurs, else null. */
function anchor(text: string, q: { exact: string; prefix: string; suffix: string }): number | null {
  const whole = q.prefix + q.exact + q.suffix;
  const at = text.indexOf(whole);
  return at >= 0 && text.indexOf(whole, at + 1) === -1 ? at + q.prefix.length : null;
}

describe('selectors', () => {
  it('counts TextPositionSelector positions in code points, past characters outside the BMP', () => {
    const text = '🇨🇳 and 🇷🇺 declared that friendship has no limits.';
    const start = text.indexOf('friendship');
    const [quote, position] = selectors(text, { start, end: start + 'friendship'.length });
    expect(start).toBe(28);
    expect(position).toEqual({ type: 'TextPositionSelector', start: 24, end: 34 });
    expect(Array.from(text).slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(anchor(text, quote)).toBe(start);
  });

  it('widens the context until the quote is unique in the text', () => {
    const sentence = 'The sides reaffirm their strong mutual support. ';
    const filler = 'x'.repeat(100);
    const text = `${filler}A${sentence.repeat(3)}${filler}B${sentence.repeat(3)}${filler}`;
    // The second repetition after "B": identical to others for well over 32 characters around it.
    const start = text.indexOf(`B${sentence}`) + 1 + sentence.length;
    const [quote] = selectors(text, { start, end: start + sentence.length - 1 });
    expect(anchor(text, quote)).toBe(start);
    expect(quote.prefix.length).toBeGreaterThan(32);
  });

  it('keeps a short context at the edges of the text', () => {
    const text = 'no limits';
    const [quote, position] = selectors(text, { start: 0, end: text.length });
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'no limits', prefix: '', suffix: '' });
    expect(position).toMatchObject({ start: 0, end: codePointOffset(text, text.length) });
  });
});
