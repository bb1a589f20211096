import fs from 'node:fs';
import { align, type AlignmentReport } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { statementText } from '../test-support/corpus.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';

// Commentaries as outside writers publish them, read as a careful fact-checker reads them:
// what a reader sees of the page is the commentary, what the site wraps around it is not.

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Each passage as a reader checks it: kind, verdict, place in the statement, the commentary's words. */
const verdicts = (report: AlignmentReport) =>
  report.passages.map((p) => [p.kind, p.status, p.source?.locator ?? null, p.commentary.text]);

describe('a news report saved from a browser (header, menus, byline, share buttons, related links, footers)', () => {
  const page = fixture('harbour-herald-saved-page.html');
  const { text } = htmlToText(page);

  it('is read as its headline, caption and article paragraphs, without the site’s furniture', () => {
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('Beijing and Moscow spell out a partnership “without limits”');
    expect(paragraphs[1]).toBe('Xi Jinping and Vladimir Putin in Beijing on Friday. Photo: Agency');
    expect(paragraphs[2]).toMatch(/^BEIJING\u00a0— Hours before the Winter Olympics opened/);
    for (const furniture of ['Subscribe', 'World', 'Politics', 'Diplomacy', 'By Tomas Reyes', 'Share on', 'Copy link', 'Related', 'Winter Games open', 'NATO leaders meet', 'All rights reserved', 'Privacy policy', 'dataLayer']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('keeps the quotation marks a browser draws around <q>, so what the page quotes stays quoted', () => {
    expect(text).toContain('the two governments wrote that they “oppose further enlargement of NATO” and asked the alliance to abandon what they called its “ideologized cold war approaches”.');
  });

  it('gives every quotation its verdict: curly marks, entities, <q>, a <blockquote> without marks, a footnote’s <sup> after the close', () => {
    const report = align(statementText(), text);
    expect(verdicts(report)).toEqual([
      ['quotation', 'verbatim', '0.3', 'humanity is entering a new era of rapid development and profound transformation.'],
      ['quotation', 'verbatim', 'IV.5', 'Friendship between the two States has no limits,'],
      ['quotation', 'verbatim', 'IV.5', 'there are no ‘forbidden’ areas of cooperation.'],
      ['quotation', 'verbatim', 'III.6', 'oppose further enlargement of NATO'],
      ['quotation', 'verbatim', 'III.6', 'ideologized cold war approaches'],
      [
        'quotation',
        'verbatim',
        'III.3',
        'The Russian side reaffirms its support for the One-China principle, confirms that Taiwan is an inalienable part of China, and opposes any forms of independence of Taiwan.',
      ],
      ['quotation', 'verbatim', 'III.4', 'oppose colour revolutions, and will increase cooperation in the aforementioned areas'],
    ]);
    expect(report.passages.map((p) => p.quotationMarks)).toEqual(['paired', 'paired', 'paired', 'paired', 'paired', 'block', 'paired']);
    for (const p of report.passages) expect(text.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
  });
});

describe('a think-tank note with its own emphasis inside quotations', () => {
  const { text, emphasis } = htmlToText(fixture('policy-note-emphasis.html'));

  it('names, for each marker, exactly the words the page set in italics or bold inside that quotation', () => {
    const report = align(statementText(), text, { commentaryEmphasis: emphasis });
    expect(report.passages.map((p) => [p.status, p.source?.locator, p.marks.map((m) => [m.type, m.commentary.text, 'emphasized' in m ? m.emphasized?.map((e) => e.text) : undefined])])).toEqual([
      ['verbatim', 'I.1', [['emphasis-added', '(emphasis added)', ['rather than a privilege of a limited number of States']]]],
      ['verbatim', 'I.2', [['emphasis-added', '(emphasis added)', ['democratic']]]],
      ['verbatim', 'III.6', [['emphasis-original', '(italics in original)', ['ideologized cold war approaches']]]],
      ['verbatim', 'III.14', [['emphasis-added', '(emphasis mine)', ['oppose attempts by some States to turn outer space into an arena of armed confrontation']]]],
    ]);
  });
});

describe('a Markdown blog post (front matter, block quotes nested and over two paragraphs, emphasis, links, footnotes, a list, hard breaks)', () => {
  const { text, emphasis } = markdownToText(fixture('no-limits-blog-post.md'));

  it('is read without its front matter, and with its footnote references out of the words they follow', () => {
    expect(text.startsWith('No limits, some caveats\n\nPosted by Mara')).toBe(true);
    expect(text).not.toMatch(/title:|tags:|\[\^/);
    expect(text).toContain('"superior to political and military alliances of the Cold War era" (emphasis added).\n\n');
    // The notes stay, last, under the numbers the page shows.
    expect(text.endsWith("1. The statement's own English text, published by the Kremlin.\n\n2. See section III of the statement.")).toBe(true);
  });

  it('gives each quotation its verdict, block quotes (nested, and over two paragraphs) as quotations', () => {
    const report = align(statementText(), text, { commentaryEmphasis: emphasis });
    expect(report.passages.map((p) => [p.status, p.quotationMarks, p.source?.locator ?? null, p.commentary.text])).toEqual([
      ['verbatim', 'block', 'IV.5', 'Friendship between the two States has no limits, there are no "forbidden" areas of cooperation.'],
      ['verbatim', 'paired', 'IV.5', 'superior to political and military alliances of the Cold War era'],
      // One block quote of two paragraphs, one passage.
      [
        'verbatim',
        'block',
        'IV.5',
        'The sides call for the establishment of a new kind of relationships between world powers on the basis of mutual respect, peaceful coexistence and mutually beneficial cooperation.\n\n    They reaffirm that the new inter-State relations between Russia and China are superior to political and military alliances of the Cold War era.',
      ],
      // The other blogger's own words, around the sentence they quote, are in no place of the statement.
      ['not_found', 'block', null, 'I keep coming back to one sentence:'],
      ['verbatim', 'block', 'III.6', 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.'],
      ['not_found', 'block', null, 'That is not new language.'],
      ['verbatim', 'paired', 'III.4', 'oppose colour revolutions'],
      ['verbatim', 'paired', 'IV.5', 'strengthening of bilateral strategic cooperation is neither aimed against third countries nor affected by the changing international environment'],
      ['verbatim', 'paired', 'III.3', 'Taiwan is an inalienable part of China'],
      ['verbatim', 'paired', 'III.14', 'oppose attempts by some States\nto turn outer space into an arena of armed confrontation.'],
    ]);
    expect(report.passages[1]!.marks).toEqual([expect.objectContaining({ type: 'emphasis-added', emphasized: [expect.objectContaining({ text: 'political and military alliances' })] })]);
    for (const p of report.passages) expect(text.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
  });
});

describe('furniture told by its class is only ever a part of the page', () => {
  it('reads a wrapper whose class names a sidebar when it holds the article', () => {
    const page = '<body><div class="layout with-sidebar"><p>The sides oppose further enlargement of NATO, the statement says.</p><div class="sidebar"><p>Most read</p></div></div></body>';
    expect(htmlToText(page).text).toBe('The sides oppose further enlargement of NATO, the statement says.');
  });

  it('leaves a footnote’s superscript number out of the quoted word it is glued to', () => {
    const page = '<article><p>They will &ldquo;increase cooperation in the aforementioned areas<sup>3</sup>&rdquo; and hold that &ldquo;Taiwan is an inalienable part of China<sup><a href="#fn4">[4]</a></sup>&rdquo;.</p><p>3. A note.</p></article>';
    const { text } = htmlToText(page);
    expect(text).toBe('They will “increase cooperation in the aforementioned areas” and hold that “Taiwan is an inalienable part of China”.\n\n3. A note.');
    expect(align(statementText(), text).passages.map((p) => [p.status, p.source?.locator, p.differences.length])).toEqual([['verbatim', 'III.4', 0], ['verbatim', 'III.3', 0]]);
  });

  it('reads a block quotation’s <footer> or closing dash line as the writer’s attribution, not as quoted words', () => {
    const page = `<article><p>The key passage reads:</p>
      <blockquote><p>The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.</p><footer>&mdash; <cite>Joint Statement, 4 February 2022</cite></footer></blockquote>
      <p>And on Taiwan:</p>
      <blockquote>The Russian side reaffirms its support for the One-China principle, confirms that Taiwan is an inalienable part of China.<br>&mdash; Joint Statement, section III</blockquote></article>`;
    const { text } = htmlToText(page);
    expect(text.split('\n\n')[2]).toBe('— Joint Statement, 4 February 2022');
    expect(align(statementText(), text).passages.map((p) => [p.status, p.quotationMarks, p.source?.locator, p.commentary.text])).toEqual([
      ['verbatim', 'block', 'III.6', 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.'],
      ['verbatim', 'block', 'III.3', 'The Russian side reaffirms its support for the One-China principle, confirms that Taiwan is an inalienable part of China.'],
    ]);
  });

  it('leaves out the menus, masthead and footer of a page that names them only in ids and classes', () => {
    const page = `<html><body><div id="masthead"><a href="/">The Eurasia Observer</a></div>
      <div class="navbar"><a href="/">Home</a> | <a href="/analysis">Analysis</a></div>
      <div class="content"><h2>The partnership, in its own words</h2>
      <p>The leaders stated that &ldquo;friendship between the two States has no limits&rdquo;.</p>
      <p>They also &ldquo;oppose further enlargement of NATO&rdquo;.</p></div>
      <div id="footer">Copyright 2022 The Eurasia Observer.</div></body></html>`;
    expect(htmlToText(page).text).toBe('The partnership, in its own words\n\nThe leaders stated that “friendship between the two States has no limits”.\n\nThey also “oppose further enlargement of NATO”.');
  });

  it('draws nested <q> with single marks and keeps the space after a closing one', () => {
    expect(htmlToText('<p>They wrote <q>there are no <q>forbidden</q> areas </q>of cooperation.</p>').text).toBe('They wrote “there are no ‘forbidden’ areas” of cooperation.');
  });
});
