import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
import type { AlignmentReport } from './types.js';

/** Aligns a commentary of our own against the statement, checking the invariants every report must keep. */
function check(commentary: string): AlignmentReport {
  const report = align(statement, commentary, { lexicon: wordnet });
  expect(schemaErrors(report)).toEqual([]);
  expect(badSpans(report, statement, commentary)).toEqual([]);
  return report;
}

suite('quotations of the statement in the forms commentaries use', () => {
  it('takes an accurate ellipsis as verbatim and reports the words it hides as an omission', () => {
    const r = check(
      'The statement says that “democracy is a means of citizens’ participation in the government of their country … Democracy is exercised in all spheres of public life as part of a nation-wide process”.',
    );
    const [p] = r.passages;
    expect(p!.status).toBe('verbatim');
    expect(p!.source!.locator).toBe('I.2');
    expect(p!.marks.map((m) => m.type)).toEqual(['ellipsis']);
    const omission = p!.differences.find((d) => d.category === 'omission')!;
    expect(omission.editorial).toBe(true);
    expect(omission.source.text).toBe('with the view to improving the well-being of population and implementing the principle of popular government');
  });

  it('accepts "..." and "[…]" as ellipses too', () => {
    for (const mark of ['...', '[…]', '. . .']) {
      const r = check(`They wrote: “The sides oppose further enlargement of NATO ${mark} to respect the sovereignty, security and interests of other countries”.`);
      expect(r.passages[0]!.status, mark).toBe('verbatim');
      expect(r.passages[0]!.marks.map((m) => m.type)).toEqual(['ellipsis']);
    }
  });

  it('takes a bracketed letter or words as accurate editorial marks', () => {
    const letter = check('As agreed, “[t]he sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.');
    expect(letter.passages[0]!.status).toBe('verbatim');
    expect(letter.passages[0]!.marks.map((m) => m.commentary.text)).toEqual(['[t]']);

    const words = check('“[Moscow and Beijing] oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.”');
    const p = words.passages[0]!;
    expect(p.status).toBe('verbatim');
    expect(describe(p)).toEqual(['The sides → Moscow and Beijing (wording, editorial)']);
  });

  it('keeps [sic] as a mark, not as a word the source lacks', () => {
    const r = check('“Friendship between the two States has no limits [sic], there are no “forbidden” areas of cooperation.”');
    expect(r.passages[0]!.status).toBe('verbatim');
    expect(r.passages[0]!.marks.map((m) => m.type)).toEqual(['sic']);
  });

  it('pins reordered quotations each to its own place', () => {
    const r = check(
      'First came “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance”, and earlier they had said “Friendship between the two States has no limits, there are no forbidden areas of cooperation”.',
    );
    expect(r.passages.map((p) => [p.status, p.source!.locator])).toEqual([
      ['verbatim', 'III.6'],
      ['verbatim', 'IV.5'],
    ]);
  });

  it('splits a quotation spliced from two places into two passages', () => {
    const r = check(
      '“The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches. Friendship between the two States has no limits, there are no forbidden areas of cooperation.”',
    );
    expect(r.passages.map((p) => [p.kind, p.source!.locator])).toEqual([
      ['quotation', 'III.6'],
      ['quotation', 'IV.5'],
    ]);
  });

  it('gives the context a truncated quotation cut off', () => {
    const r = check('They said that “The sides oppose further enlargement of NATO”.');
    const p = r.passages[0]!;
    expect(p.status).toBe('verbatim');
    expect(p.context.after).toMatch(/^and call on the North Atlantic Alliance/);
  });

  it('reports a fabricated quotation of four words or more as not found, and ignores short scare quotes', () => {
    const r = check('The leaders promised “a military alliance against the whole Western world” and a “coldest” peace.');
    expect(r.passages).toHaveLength(1);
    expect(r.passages[0]).toMatchObject({ status: 'not_found', source: null, kind: 'quotation' });
    expect(r.passages[0]!.commentary.text).toBe('a military alliance against the whole Western world');
  });

  it('pins a short quotation that occurs once in the source, and ignores a single word', () => {
    const r = check('Their friendship has “no limits”, they said, in “solidarity”.');
    expect(r.passages.map((p) => [p.commentary.text, p.status, p.source?.locator])).toEqual([['no limits', 'verbatim', 'IV.5']]);
  });

  it('reads straight, single, nested and guillemet quotation marks', () => {
    const cases = [
      '"The sides oppose further enlargement of NATO and call on the North Atlantic Alliance," they wrote.',
      "Officials said 'the sides oppose further enlargement of NATO and call on the North Atlantic Alliance' twice.",
      'Le texte dit « The sides oppose further enlargement of NATO and call on the North Atlantic Alliance ».',
      'Der Text: „The sides oppose further enlargement of NATO and call on the North Atlantic Alliance“.',
      '“He said: ‘the sides oppose further enlargement of NATO and call on the North Atlantic Alliance’ and left.”',
    ];
    for (const text of cases) {
      const r = check(text);
      const found = r.passages.filter((p) => p.status !== 'not_found');
      expect(found.map((p) => [p.source!.locator, p.status]), text).toEqual([['III.6', 'verbatim']]);
    }
  });

  it('follows a quotation hard-wrapped across lines, with a word hyphenated at a line end', () => {
    const r = check('The statement:\n“The sides oppose further en-\nlargement of NATO and call on the\nNorth Atlantic Alliance to abandon its ideologized\ncold war approaches.”\nThat was all.');
    const p = r.passages[0]!;
    expect(p.status).toBe('verbatim');
    expect(describe(p)).toEqual(['enlargement → en-\nlargement (typography)']);
  });

  it('reads an indented block quote as a quotation', () => {
    const r = check('The statement reads:\n\n    The sides oppose further enlargement of NATO and call on the\n    North Atlantic Alliance to abandon its ideologized cold war approaches.\n\nWhich is plain.');
    expect(r.passages.map((p) => [p.kind, p.quotationMarks, p.status])).toEqual([['quotation', 'block', 'verbatim']]);
  });

  it('calls spelling variants and letter case a variant, and a changed inflection altered', () => {
    const variant = check('They “oppose colour revolutions, and will increase cooperation in the aforementioned areas”.');
    expect(variant.passages[0]!.status).toBe('verbatim');
    const american = check('They “oppose color revolutions, and will increase cooperation in the aforementioned areas”.');
    expect(american.passages[0]!.status).toBe('variant');
    expect(describe(american.passages[0]!)).toEqual(['colour → color (spelling)']);
    const inflected = check('They “opposes colour revolutions, and will increase cooperation in the aforementioned areas”.');
    expect(inflected.passages[0]!.status).toBe('altered');
    expect(describe(inflected.passages[0]!)).toEqual(['oppose → opposes (inflection)']);
  });

  it('attributes an emphasis marker to the passage it interrupts, with the emphasized words when they are known', () => {
    const text = '“The sides oppose further enlargement of NATO (emphasis mine) and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.”';
    const plain = check(text);
    expect(plain.passages[0]!.status).toBe('verbatim');
    expect(plain.passages[0]!.marks).toMatchObject([{ type: 'emphasis-added', emphasized: null }]);
    const start = text.indexOf('further enlargement of NATO');
    const known = align(statement, text, { commentaryEmphasis: [{ start, end: start + 'further enlargement of NATO'.length }] });
    expect(known.passages[0]!.marks).toMatchObject([{ type: 'emphasis-added', emphasized: [{ text: 'further enlargement of NATO' }] }]);
  });

  it('tells emphasis in the original from emphasis added', () => {
    const r = check('“The sides oppose further enlargement of NATO and call on the North Atlantic Alliance” (italics in original).');
    expect(r.passages[0]!.marks.map((m) => m.type)).toEqual(['emphasis-original']);
  });

  it('finds an unmarked borrowing of eight words or more, not a shorter one', () => {
    const long = check('In short the sides oppose further enlargement of NATO and call on the Alliance to stop.');
    expect(long.passages.map((p) => [p.kind, p.status, p.commentary.text])).toEqual([
      ['borrowing', 'altered', 'the sides oppose further enlargement of NATO and call on the Alliance to'],
    ]);
    expect(describe(long.passages[0]!)).toEqual(['North Atlantic →  (wording)']);
    const short = check('Both oppose further enlargement of NATO, it seems.');
    expect(short.passages).toEqual([]);
  });

  it('finds nothing in a text that does not quote the source', () => {
    const r = check('Nothing in this paragraph comes from the statement; it is about the weather in Geneva.');
    expect(r.passages).toEqual([]);
    expect(r.coverage).toEqual({ source: 0, commentary: 0 });
    expect(r.omissions.every((o) => o.whole)).toBe(true);
  });
});
