import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../test-support/render';
import { elements, nest, textOf, type Item, type Node } from './nest';

const tag = (name: string) => name;

function item(start: number, end: number, data: string, tiers?: Item<string>[][]): Item<string> {
  return tiers ? { start, end, data, tiers } : { start, end, data };
}

describe('nest', () => {
  it('wraps a span in the text it covers', () => {
    const text = 'The two sides oppose further enlargement of NATO';
    const nodes = nest(text, [[item(4, 7, 'ins')]]);
    expect(render(nodes, tag)).toBe('The <ins>two</ins> sides oppose further enlargement of NATO');
  });

  it('puts inner tiers inside the outer elements they fall in, splitting one that crosses', () => {
    const text = 'alpha beta gamma delta';
    const nodes = nest(text, [[item(6, 16, 'mark')], [item(0, 10, 'em')]]);
    expect(render(nodes, tag)).toBe('<em>alpha </em><mark><em>beta</em> gamma</mark> delta');
  });

  it('gives the overlap of two spans of one tier to the first, and starts the second after it', () => {
    const nodes = nest('one two three', [[item(0, 7, 'a'), item(4, 13, 'b')]]);
    expect(render(nodes, tag)).toBe('<a>one two</a><b> three</b>');
  });

  it('keeps an item’s own tiers inside it, a point at its very end included', () => {
    // "by" left out after the last word of a passage: the marker belongs to that passage.
    const text = 'supported by the other. Next';
    const passage = item(0, 23, 'mark', [[item(23, 23, 'del')]]);
    expect(render(nest(text, [[passage]]), tag)).toBe('<mark>supported by the other.<del></del></mark> Next');
  });

  it('sets a shared point before what follows it, not after what precedes it', () => {
    // A paragraph's locator goes before its first word, inside the passage that starts there.
    const text = 'I.1 text\n\nI.2 text';
    const nodes = nest(text, [[item(10, 18, 'mark')], [item(8, 10, 'gap')], [item(10, 10, 'loc')]]);
    expect(render(nodes, tag)).toBe('I.1 text<gap>\n\n</gap><mark><loc></loc>I.2 text</mark>');
  });

  it('places a point once where two containers meet', () => {
    const nodes = nest('ab', [[item(0, 1, 'x'), item(1, 2, 'y')], [item(1, 1, 'p')]]);
    expect([...elements(nodes)].filter((e) => e.data === 'p')).toHaveLength(1);
  });

  it('works on a part of the text', () => {
    expect(textOf(nest('0123456789', [[item(2, 5, 'a')]], { start: 3, end: 8 }))).toBe('34567');
  });

  it('refuses a range outside the text', () => {
    expect(() => nest('abc', [], { start: 2, end: 9 })).toThrow(RangeError);
  });

  it('keeps every character, in order, exactly once, whatever the spans (property)', () => {
    const arbitrarySpan = (length: number) =>
      fc.tuple(fc.nat({ max: length }), fc.nat({ max: length })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    const scenario = fc.string({ unit: 'binary', maxLength: 80 }).chain((text) =>
      fc.record({
        text: fc.constant(text),
        tiers: fc.array(fc.array(fc.tuple(arbitrarySpan(text.length), fc.array(arbitrarySpan(text.length), { maxLength: 3 })), { maxLength: 6 }), {
          maxLength: 4,
        }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ text, tiers }) => {
        let label = 0;
        const built = tiers.map((tier) =>
          tier.map(([[s, e], own]) => item(s, e, `t${label++}`, own.length ? [own.map(([a, b]) => item(a, b, `o${label++}`))] : undefined)),
        );
        const nodes = nest(text, built);
        expect(textOf(nodes)).toBe(text);
        let cursor = 0;
        const walk = (list: Node<string>[]) => {
          for (const n of list) {
            if (n.type === 'text') {
              expect(n.start).toBe(cursor);
              expect(n.text).toBe(text.slice(n.start, n.end));
              cursor = n.end;
            } else walk(n.children);
          }
        };
        walk(nodes);
        const points = [...elements(nodes)].filter((e) => e.start === e.end).map((e) => e.data);
        expect(new Set(points).size).toBe(points.length);
      }),
      { numRuns: 500 },
    );
  });
});
