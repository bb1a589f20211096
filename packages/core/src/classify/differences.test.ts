import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { compareWords } from './differences.js';
import { statusOf } from './status.js';

/** Compares two short texts word for word with no anchors: jsdiff decides the alignment. */
function compare(source: string, commentary: string, ellipsisAt?: number) {
  const sourceTokens = tokenize(source);
  const commentaryTokens = tokenize(commentary);
  const result = compareWords({
    sourceText: source,
    commentaryText: commentary,
    sourceTokens,
    commentaryTokens,
    words: { start: 0, end: commentaryTokens.length },
    source: { start: 0, end: sourceTokens.length },
    anchors: [],
    commentaryStart: 0,
    ellipsisBetweenOffsets: (from, to) => ellipsisAt !== undefined && from <= ellipsisAt && ellipsisAt < to,
  });
  return {
    ...result,
    status: statusOf(result.differences),
    read: result.differences.map((d) => `${d.type} ${d.category}${d.editorial ? ' editorial' : ''}: ${d.source.text} → ${d.commentary.text}`),
  };
}

describe('word differences', () => {
  it('names a changed inflection, a changed word and a dropped word', () => {
    expect(compare('it reflects the will', 'it reflect the will').read).toEqual(['replace inflection: reflects → reflect']);
    expect(compare('flouting of democracy and go against', 'flouting of democracy which go against').read).toEqual(['replace wording: and → which']);
    expect(compare('nor affected by the changing', 'nor affected the changing').read).toEqual(['delete wording: by → ']);
  });

  it('folds a small shared word into the change around it', () => {
    expect(compare('The ongoing pandemic of the new coronavirus infection poses', 'The ongoing Covid pandemic poses').read).toEqual([
      'replace wording: pandemic of the new coronavirus infection → Covid pandemic',
    ]);
  });

  it('keeps a shared word beside a changed inflection rather than folding both into one rewording', () => {
    expect(compare('a growing demand for the leadership aiming at peaceful', 'a growing demand for leadership aimed at peaceful').read).toEqual([
      'delete wording: the → ',
      'replace inflection: aiming → aimed',
    ]);
  });

  it('reads words moved across a shared word as one reordering', () => {
    expect(compare('support the internationalization of Internet governance, advocate', 'support the internationalization of the governance of the Internet and advocate').read).toEqual([
      'replace wording: Internet governance → the governance of the Internet and',
    ]);
  });

  it('takes the capitals of a headline in title case for its style, and a capital in a sentence for a change of case', () => {
    expect(compare('is an inalienable part of China', 'Statement Says Taiwan Is An Inalienable Part Of China').read).toEqual([' → Statement Says Taiwan'].map((x) => `insert wording: ${x}`));
    expect(compare('an inalienable part of China', 'they said it is an Inalienable part of China').read).toContain('replace case: inalienable → Inalienable');
  });

  it('tells spelling, case and typography apart, and ignores the case of the first letter', () => {
    const r = compare("The fulfilment of citizens' well-being in States", 'the fulfillment of citizens’ wellbeing in states');
    expect(r.read).toEqual([
      'replace spelling: fulfilment → fulfillment',
      'replace spelling: well-being → wellbeing',
      'replace case: States → states',
    ]);
    expect(r.status).toBe('variant');
    expect(compare('Asia Pacific region', 'Asia-Pacific region').read).toEqual(['replace spelling: Asia Pacific → Asia-Pacific']);
  });

  it('tells a curly apostrophe from a straight one inside a word of the same length, and a word written the same from both', () => {
    expect(compare("the sides don't accept it", 'the sides don’t accept it').read).toEqual(["replace typography: don't → don’t"]);
    expect(compare('the sides don’t accept it', 'the sides don’t accept it').read).toEqual([]);
  });

  it('reports the words an ellipsis hides as an editorial omission, not an alteration', () => {
    const commentary = 'the sides … oppose';
    const r = compare('the sides firmly oppose', commentary, commentary.indexOf('…'));
    expect(r.read).toEqual(['delete omission editorial: firmly → ']);
    expect(r.status).toBe('verbatim');
    expect(r.elided).toHaveLength(1);
  });

  it('scores similarity 1 for the same words and less for each change', () => {
    expect(compare('a b c d', 'a b c d').similarity).toBe(1);
    expect(compare('a b c d', 'a x c d').similarity).toBeLessThan(1);
    expect(compare('a b c d', 'a x c d').similarity).toBeGreaterThan(compare('a b c d', 'x y c d').similarity);
  });
});
