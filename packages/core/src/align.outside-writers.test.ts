import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentaryReports } from './test-support/commentary-reports.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
import type { Passage } from './types.js';

// Four commentaries written the way outside writers quote the statement: a wire report
// working from another translation, an academic blog post with brackets and ellipses
// (Markdown, read here as the plain text it is), a partisan op-ed that twists and invents,
// and a fact-check quoting short phrases and formulas the statement repeats.
const { of, quoting } = commentaryReports();
const places = (p: Passage) => ('candidates' in p && p.candidates ? p.candidates.map((c) => c.locator) : []);
const WIRE = 'wire-report.txt';
const BLOG = 'academic-blog.md';
const OP_ED = 'partisan-op-ed.txt';
const FACT_CHECK = 'fact-check.txt';
const III_20 = 'The sides attach great importance to the issues of governance in the field of artificial intelligence. The sides are ready to strengthen dialogue and contacts on artificial intelligence.';
const III_21_OPENING = 'The sides reiterate their readiness to deepen cooperation in the field of international information security and to contribute to building an open, secure, sustainable and accessible ICT environment.';

suite('commentaries as outside writers quote the statement', () => {
  it.each([WIRE, BLOG, OP_ED, FACT_CHECK])('%s is a schema-valid report whose every span slices back to its text', (name) => {
    const { text, report } = of(name);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });
});

suite('a wire report quoting another translation beside the English text', () => {
  it('pins a Kremlin-translation sentence to its paragraph, each translated word a change', () => {
    const p = quoting(WIRE, 'reaffirm their firm mutual support');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('III.2');
    expect(describe(p)).toEqual(['strong → firm (wording)', 'oppose → are against (wording)']);
  });

  it('pins "advocate the enlargement of the functions" to the SCO paragraph it translates', () => {
    const p = quoting(WIRE, 'advocate the enlargement of the functions');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('IV.14');
  });

  it('pins a reordered Internet-governance translation to the words it translates, neither "The sides" before them nor a word short', () => {
    const p = quoting(WIRE, 'support internationalisation of the governance');
    expect(p.status).toBe('paraphrased');
    expect(p.source).toMatchObject({ locator: 'III.24', text: 'support the internationalization of Internet governance, advocate equal rights to its governance' });
    // The moved words are one reordering each, not a change and an addition around a shared word.
    expect(describe(p)).toContain('Internet governance → the governance of the Internet and (wording)');
    expect(describe(p)).toContain('its governance → govern it (wording)');
  });

  it('starts a translated sentence where its place does, though its first word shares letters with one later in it', () => {
    // "internal" is not "international": the place opens at "domestic", not at "activities".
    const p = quoting(WIRE, 'the internal and overseas military-biological activity');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('III.18');
    expect(p.source!.text).toMatch(/^domestic and foreign bioweapons activities by the United States and its allies raise serious concerns/);
    expect(describe(p)).toContain('United States → USA (wording)');
  });

  it('takes the exact English quotations beside them as verbatim, each at its place', () => {
    expect(quoting(WIRE, 'supports the China – WHO joint report').source!.locator).toBe('II.10');
    expect(quoting(WIRE, 'a community of common destiny for mankind')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.2' } });
    expect(quoting(WIRE, 'the fruitful holding of the XIV BRICS summit')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.12' } });
    expect(quoting(WIRE, 'are superior to political and military alliances')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.5' } });
  });

  it('calls a pledge no translation contains not found', () => {
    expect(quoting(WIRE, 'the two armies will hold joint exercises')).toMatchObject({ status: 'not_found', source: null });
  });
});

suite('an academic blog post with glosses, brackets and ellipses', () => {
  it('leaves a quotation with a gloss "[the CWC]" verbatim', () => {
    const p = quoting(BLOG, 'Russia and China insist that the United States');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('III.19');
    expect(describe(p)).toEqual([' → the CWC (wording, editorial)']);
  });

  it('makes a silent cut bridged by "[and]" one altered passage listing the 37 skipped words', () => {
    const p = quoting(BLOG, 'reiterate their support of United Nations General Assembly resolutions');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('III.23');
    const [cut] = p.differences;
    expect(cut).toMatchObject({ type: 'replace', category: 'omission', commentary: { text: 'and' } });
    expect(cut!.source.text).toMatch(/^support the work of the relevant Ad Hoc Committee .* for criminal purposes\. The sides$/);
  });

  it('reports "[Beijing\'s]" opening a quotation as standing for the source\'s "the", not as a gloss', () => {
    const p = quoting(BLOG, "[Beijing's] Global Initiative on Data Security");
    expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'III.22' } });
    expect(p.source!.text).toMatch(/^the Global Initiative on Data Security/);
    expect(describe(p)).toEqual(["the → Beijing's (wording, editorial)"]);
  });

  it('shows the words a Markdown emphasis marks when the quotation says "(emphasis added)"', () => {
    const p = quoting(BLOG, '[t]he sides call on the U.S. and its allies');
    expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'III.18' } });
    expect(p.marks.map((m) => m.type)).toEqual(['bracket', 'emphasis-added']);
  });

  it('takes the two-paragraph block quote as one passage over III.20 and III.21, as Markdown and as the plain text a reader sees', () => {
    const asMarkdown = of(BLOG).report.passages.filter((p) => p.quotationMarks === 'block');
    // The Markdown post as the store reads it: each quoted paragraph indented, a blank line between.
    const plain = `The paragraph reads:\n\n    ${III_20}\n\n    ${III_21_OPENING}\n\nSo it does.`;
    const asText = align(statement, plain, { lexicon: wordnet }).passages;
    for (const passages of [asMarkdown, asText]) {
      expect(passages).toHaveLength(1);
      expect(passages[0]).toMatchObject({ status: 'verbatim', source: { locator: 'III.20–III.21' } });
      expect(passages[0]!.source!.text).toBe(`${III_20}\n\n${III_21_OPENING}`);
    }
  });

  it('aligns both fragments of an ellipsis across the first section heading, the second not read as a substitution', () => {
    // The second fragment opens with "It", the word that follows the first fragment in 0.3.
    const p = quoting(BLOG, 'humanity is entering a new era of rapid development');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('0.3–I.2');
    expect(p.source!.text).toMatch(/^humanity is entering .* It is only up to the people of the country to decide whether their State is a democratic one\.$/s);
    const [hidden] = p.differences;
    expect(hidden).toMatchObject({ type: 'delete', category: 'omission', editorial: true });
    expect(hidden!.source.text).toMatch(/^It sees the development of .*\n\nI\n\n.* in establishing democracy\. A nation can choose .* cultural characteristics$/s);
  });

  it('splits a quotation that silently joins two paragraphs into their two passages, neither called a paraphrase', () => {
    const first = quoting(BLOG, 'Russia and China underscore their determination');
    expect(first).toMatchObject({ status: 'verbatim', source: { locator: 'III.16', text: 'Russia and China underscore their determination to preserve the credibility and effectiveness of the Convention' } });
    const second = quoting(BLOG, 'including by institutionalizing it');
    expect(second).toMatchObject({ status: 'verbatim', source: { locator: 'III.17' } });
    expect(second.source!.text).toBe('including by institutionalizing it, strengthening its mechanisms, and adopting a legally binding Protocol');
  });

  it('bridges an ellipsis from the information-security chapter into the fourth section', () => {
    const p = quoting(BLOG, 'The sides intend to deepen bilateral cooperation');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('III.25–IV.18');
    expect(p.differences).toMatchObject([{ type: 'delete', category: 'omission', editorial: true }]);
  });

  it('reads "[The BWC]" as standing for the Convention\'s whole name and its abbreviation, not for letters inside "(BWC)"', () => {
    const p = quoting(BLOG, '[The BWC] is an essential pillar');
    expect(p.status).toBe('verbatim');
    expect(p.source!.text).toMatch(/^the Convention on the Prohibition of the Development, .* on Their Destruction \(BWC\) is an essential pillar/);
    expect(p.context.before).toBe('The sides reaffirm their belief that');
    const [d] = p.differences;
    expect(d).toMatchObject({ type: 'replace', category: 'wording', editorial: true, commentary: { text: 'The BWC' } });
    expect(d!.source.text).toMatch(/^the Convention .* \(BWC\)$/);
  });
});

suite('a partisan op-ed that twists the statement and invents lines for it', () => {
  it.each([
    ['support power politics', 'IV.7', ['oppose → support (wording)']],
    ['support setting up new barriers', 'II.7', ['oppose → support (wording)']],
    ['any attempts to limit their sovereign right', 'III.24', ['unacceptable → acceptable (wording)']],
    ['Russia and China deny their people', 'I.3', ['guarantee → deny (wording)']],
    ['the people of both countries are not certain', 'I.3', [' → not (wording)']],
    ['further reduce cooperation', 'II.9', ['increase → reduce (wording)']],
  ])('shows the twisted word of "%s" as a change at %s', (words, locator, changes) => {
    const p = quoting(OP_ED, words);
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe(locator);
    expect(describe(p)).toEqual(changes);
  });

  it.each([
    'the United Nations has lost its authority',
    "the People's Republic of China will never again",
    'President of the Russian Federation Vladimir V. Putin has promised',
  ])('calls an invented line that shares only a name or a stock phrase with the statement not found: "%s"', (words) => {
    expect(quoting(OP_ED, words)).toMatchObject({ status: 'not_found', source: null });
  });

  it('finds the long borrowings without quotation marks, small changes and all', () => {
    expect(quoting(OP_ED, 'no State can or should ensure')).toMatchObject({ kind: 'borrowing', status: 'verbatim', source: { locator: 'III.1' } });
    const aid = quoting(OP_ED, 'They call on the developed countries');
    expect(aid).toMatchObject({ kind: 'borrowing', status: 'altered', source: { locator: 'II.4' } });
    expect(describe(aid)).toEqual([' → and to (wording)']);
    const leadership = quoting(OP_ED, 'the international community is showing');
    expect(leadership).toMatchObject({ kind: 'borrowing', status: 'altered', source: { locator: '0.3' } });
    // The kept "leadership" stays shared: a dropped "the" and another form of "aiming".
    expect(describe(leadership)).toEqual(['the →  (wording)', 'aiming → aimed (inflection)']);
    expect(quoting(OP_ED, 'to consolidate the efforts')).toMatchObject({ kind: 'borrowing', status: 'verbatim', source: { locator: 'III.22' } });
  });
});

suite('a fact-check quoting short phrases and repeated formulas', () => {
  it('pins "no limits", quoted four times, to IV.5 each time', () => {
    const limits = of(FACT_CHECK).report.passages.filter((p) => /^no limits$/i.test(p.commentary.text));
    expect(limits).toHaveLength(4);
    for (const p of limits) expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'IV.5' } });
  });

  it('does not call "with no limits" made up: the source has "has no limits", too little to pin it, so it says nothing', () => {
    const { report } = of(FACT_CHECK);
    expect(report.passages.filter((p) => p.commentary.text === 'with no limits')).toEqual([]);
  });

  it('gives a phrase two paragraphs contain both places rather than one', () => {
    expect(places(quoting(FACT_CHECK, 'an effective verification mechanism'))).toEqual(['III.17', 'III.18']);
  });

  it('calls a line the post attributes to the statement not found, though four of its words are scattered over a paragraph', () => {
    // II.9 has "the two countries", "regions", "areas" and "authorities" among twenty words about quarantine.
    expect(quoting(FACT_CHECK, 'the two countries will divide the world')).toMatchObject({ status: 'not_found', source: null });
  });

  it('compares "entering a new era" with the preamble, where it stands letter for letter, though the title has it too', () => {
    const p = quoting(FACT_CHECK, 'entering a new era');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('0.3');
    expect(p.differences).toEqual([]);
    // Still a tie: the words are the title's as well.
    expect(places(p)).toEqual(['title', '0.3']);
  });

  it('gives words that appear nearly the same in two places, a comma apart, both places', () => {
    expect(places(quoting(FACT_CHECK, 'Russia and China, as world powers'))).toEqual(['I.3', 'IV.1']);
  });
});
