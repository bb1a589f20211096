import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentaryReports } from './test-support/commentary-reports.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';

// Six more kinds of writing that quote the statement, as their writers do: a broadcast
// transcript (a speaker's "quote … end quote", quoting from memory), a think-tank brief
// (footnote digits after quotations, an indented block quotation), a live blog (headline
// fragments, title case), a letter to the editor (sentences spliced into one quotation),
// a press review translated back from Chinese and Russian, and an encyclopedia article
// (citation markers [4] after its quotations).
const { of, quoting } = commentaryReports();
const TRANSCRIPT = 'broadcast-transcript.txt';
const BRIEF = 'policy-brief.txt';
const LIVE = 'live-blog.txt';
const LETTER = 'letter-to-editor.txt';
const REVIEW = 'foreign-press-review.txt';
const ARTICLE = 'encyclopedia-article.txt';

suite('six more kinds of writing that quote the statement', () => {
  it.each([TRANSCRIPT, BRIEF, LIVE, LETTER, REVIEW, ARTICLE])('%s is a schema-valid report whose every span slices back to its text', (name) => {
    const { text, report } = of(name);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });
});

suite('a broadcast transcript: a speaker quoting aloud and from memory', () => {
  it('reads "quote, has no limits, end quote" as a quotation of IV.5, the spoken framing no word of it', () => {
    const p = quoting(TRANSCRIPT, 'has no limits');
    expect(p).toMatchObject({ kind: 'quotation', status: 'verbatim', source: { locator: 'IV.5', text: 'has no limits' } });
    expect(quoting(TRANSCRIPT, 'no forbidden areas of cooperation')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.5' } });
  });

  it('takes a "quote" that no spoken ending follows for an ordinary word', () => {
    const text = 'His favourite quote from the text is that the two states have no limits to their friendship.';
    expect(align(statement, text).passages).toEqual([]);
  });

  it('does not take the spoken "quote" for a word the speaker changed', () => {
    const p = quoting(TRANSCRIPT, 'a universal human value rather than a privilege');
    expect(p).toMatchObject({ kind: 'quotation', status: 'variant', source: { locator: 'I.1' } });
    expect(describe(p)).toEqual(['States → states (case)']);
  });

  it('shows what a quotation from memory got wrong, word by word, at its paragraph', () => {
    const p = quoting(TRANSCRIPT, 'confirms that Taiwan is an integral part');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('III.3');
    expect(describe(p)).toEqual(['inalienable → integral (wording)', 'forms → form (inflection)', 'of → for (wording)']);
  });

  it('calls a line the speaker says is not in the text not found, not a paraphrase of a sentence that shares only synonyms with it', () => {
    // "defend" ~ "oppose", "attack" ~ "attempts", "countries" ~ "States": no word of it is the statement's own.
    expect(quoting(TRANSCRIPT, 'the two countries will defend each other')).toMatchObject({ status: 'not_found', source: null });
  });
});

suite('a think-tank brief with footnotes and an indented block quotation', () => {
  it('takes the indented paragraph as one block quotation of III.6, word for word', () => {
    const p = quoting(BRIEF, 'The sides oppose further enlargement of NATO and call on');
    expect(p).toMatchObject({ quotationMarks: 'block', status: 'verbatim', source: { locator: 'III.6' } });
    expect(p.source!.text.endsWith('peaceful development of other States.')).toBe(true);
  });

  it('leaves the footnote digit after a closing mark out of the quotation', () => {
    const p = quoting(BRIEF, 'long-term legally binding security guarantees in Europe');
    expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'III.12' } });
    expect(p.commentary.text).toBe('long-term legally binding security guarantees in Europe');
  });

  it('reads "[t]hey" as the source\'s "They", and a claim the brief disowns as not found', () => {
    expect(quoting(BRIEF, '[t]hey will counteract activities')).toMatchObject({ status: 'verbatim', source: { locator: 'III.14' } });
    expect(quoting(BRIEF, "recognises Russia's sphere of influence")).toMatchObject({ status: 'not_found', source: null });
  });
});

suite('a live blog of headline fragments and updates', () => {
  it('pins each short headline quotation to its one place', () => {
    expect(quoting(LIVE, 'no limits')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.5' } });
    expect(quoting(LIVE, 'oppose further enlargement of NATO')).toMatchObject({ status: 'verbatim', source: { locator: 'III.6' } });
    // A headline's title case is its style: the words are the statement's, letter for letter.
    expect(quoting(LIVE, 'An Inalienable Part Of China')).toMatchObject({ status: 'verbatim', differences: [], source: { locator: 'III.3' } });
    expect(quoting(LIVE, 'long-term legally binding security guarantees')).toMatchObject({ status: 'verbatim', source: { locator: 'III.12' } });
  });

  it('calls the wording a correction retracts not found, and the corrected wording verbatim', () => {
    expect(quoting(LIVE, 'condemns the AUKUS pact')).toMatchObject({ status: 'not_found', source: null });
    expect(quoting(LIVE, 'are seriously concerned about')).toMatchObject({ status: 'verbatim', source: { locator: 'III.9' } });
  });
});

suite('a letter to the editor that splices sentences into one quotation', () => {
  it('does not make up a replacement for a subject the writer supplied: "the sides" is an addition, not "any pretext" reworded', () => {
    const p = quoting(LETTER, 'the sides oppose colour revolutions');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('III.4');
    expect(describe(p)).toEqual([' → the sides (wording)']);
    expect(p.context.before.endsWith('under any pretext,')).toBe(true);
  });

  it('shows a joining "and" as the writer\'s, not as a change of the source word after the comma', () => {
    const p = quoting(LETTER, 'friendship between the two States has no limits');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual([' → and (wording)']);
  });

  it('pins each half of a quotation spliced from two paragraphs to its own place', () => {
    expect(quoting(LETTER, 'the sides oppose further enlargement of NATO')).toMatchObject({ source: { locator: 'III.6' } });
    expect(quoting(LETTER, 'will counteract activities aimed at achieving')).toMatchObject({ status: 'verbatim', source: { locator: 'III.14' } });
  });
});

suite('a press review translating the Chinese and Russian papers back into English', () => {
  it('pins each re-translated sentence to the paragraph it renders, every changed word shown', () => {
    const nato = quoting(REVIEW, 'oppose the further expansion of NATO');
    expect(nato.source!.locator).toBe('III.6');
    expect(describe(nato)).toContain('call on → urge (wording)');
    const taiwan = quoting(REVIEW, 'the Russian side reaffirms its adherence');
    expect(taiwan.source!.locator).toBe('III.3');
    expect(describe(taiwan)).toContain('inalienable → inseparable (wording)');
    const war = quoting(REVIEW, 'intend to firmly defend the results');
    expect(war.source!.locator).toBe('IV.3');
  });

  it('calls a headline no translation contains not found', () => {
    expect(quoting(REVIEW, 'will jointly build a new world order')).toMatchObject({ status: 'not_found', source: null });
  });
});

suite('an encyclopedia article with citation markers', () => {
  it('keeps the markers [4] and [10] out of its quotations, each verbatim at its place', () => {
    const { report } = of(ARTICLE);
    for (const p of report.passages) expect(p.commentary.text).not.toMatch(/\[\d+\]/);
    expect(quoting(ARTICLE, 'democracy is a universal human value')).toMatchObject({ status: 'verbatim', source: { locator: 'I.1' } });
    expect(quoting(ARTICLE, 'no "forbidden" areas of cooperation')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.5' } });
    expect(quoting(ARTICLE, 'oppose colour revolutions, and will increase')).toMatchObject({ status: 'verbatim', source: { locator: 'III.4' } });
  });

  it('calls the commentators\' phrase not found, the statement having no such words', () => {
    expect(quoting(ARTICLE, 'a declaration of a new Cold War')).toMatchObject({ status: 'not_found', source: null });
  });
});
