import fs from 'node:fs';
import { align, type AlignmentReport } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { statementText } from '../test-support/corpus.js';
import { htmlToText } from './html.js';

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

  it('gives every quotation its verdict: curly marks, entities, <q>, a <blockquote> without marks, a footnote glued after the close', () => {
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

describe('furniture told by its class is only ever a part of the page', () => {
  it('reads a wrapper whose class names a sidebar when it holds the article', () => {
    const page = '<body><div class="layout with-sidebar"><p>The sides oppose further enlargement of NATO, the statement says.</p><div class="sidebar"><p>Most read</p></div></div></body>';
    expect(htmlToText(page).text).toBe('The sides oppose further enlargement of NATO, the statement says.');
  });

  it('draws nested <q> with single marks and keeps the space after a closing one', () => {
    expect(htmlToText('<p>They wrote <q>there are no <q>forbidden</q> areas </q>of cooperation.</p>').text).toBe('They wrote “there are no ‘forbidden’ areas” of cooperation.');
  });
});
