import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from '../test-support/seed';
import type { Node } from '../text/nest';
import { contextHref, describeDifference, equalPlaces, markedSide, summary, type CheckedPassage, type DiffMark } from './view';

const QUESTION = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";

/** The NATO quotation of issue 12, as POST /api/check answers it against the repository's corpus. */
let NATO: CheckedPassage;
beforeAll(async () => {
  const answer = await checkAnswer(QUESTION);
  NATO = answer.passages.find((p) => p.commentary.text === 'oppose any further enlargement of NATO')!;
  expect(NATO).toMatchObject({ status: 'altered', source: { locator: 'III.6' } });
});

/** The tree as markup, so a failing test reads like the page. */
function html(nodes: Node<DiffMark>[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.text;
      if (n.data.kind === 'ghost') return `<ghost>${n.data.words}</ghost>`;
      return `<${n.data.type}>${html(n.children)}</${n.data.type}>`;
    })
    .join('');
}

describe('a checked passage as the page shows it', () => {
  it('marks the quoter’s "any" in the quotation, and where it would stand in the source', () => {
    expect(html(markedSide(NATO, 'commentary'))).toBe('oppose <insert>any</insert> further enlargement of NATO');
    expect(html(markedSide(NATO, 'source'))).toBe('oppose<ghost>any</ghost> further enlargement of NATO');
    expect(describeDifference(NATO.differences[0]!)).toBe('“any” is the quoter’s: the source does not have it (wording)');
  });

  it('names the places a passage fits equally: locators in one source, titles too when there are several', () => {
    const statement = NATO.document!;
    const at = (locator: string, document: { id: string; title: string } = statement) => ({ start: 0, end: 6, text: 'oppose', locator, document });
    expect(equalPlaces(NATO)).toEqual({ here: [], all: '', sources: 0 });
    expect(equalPlaces({ ...NATO, candidates: [at('0.3'), at('III.5'), at('III.21')] })).toEqual({ here: ['0.3', 'III.5', 'III.21'], all: '0.3, III.5 or III.21', sources: 1 });
    const other = { id: 'communique', title: 'Communiqué' };
    expect(equalPlaces({ ...NATO, candidates: [at('III.6'), at('¶4', other)] })).toEqual({ here: ['III.6'], all: `${statement.title}, III.6 or Communiqué, ¶4`, sources: 2 });
  });

  it('names a changed and a dropped word from the source’s side', () => {
    const replace = { type: 'replace', category: 'inflection', editorial: false, commentary: { start: 0, end: 7, text: 'Russian' }, source: { start: 0, end: 6, text: 'Russia' } } as const;
    expect(describeDifference(replace)).toBe('“Russia” in the source is “Russian” in the quotation (inflection)');
    const drop = { type: 'delete', category: 'wording', editorial: false, commentary: { start: 3, end: 3, text: '' }, source: { start: 3, end: 5, text: 'by' } } as const;
    expect(describeDifference(drop)).toBe('“by” of the source is left out (wording)');
  });

  it('opens the source at the paragraph the passage starts in', () => {
    expect(contextHref(NATO)).toBe('/documents/joint-statement-2022-02-04#p-III.6');
    expect(contextHref({ ...NATO, source: { ...NATO.source!, locator: 'I.1–I.2' } })).toBe('/documents/joint-statement-2022-02-04#p-I.1');
    expect(contextHref({ ...NATO, status: 'not_found', source: null, document: null })).toBeNull();
  });

  it('sums up the answer, counting the sources searched', () => {
    expect(summary({ sourcesSearched: 1, sourcesAligned: 1, passages: [NATO] })).toBe('1 passage checked against the 1 source of the corpus: 1 not genuine.');
    expect(summary({ sourcesSearched: 10000, sourcesAligned: 0, passages: [] })).toMatch(/^No quotation to check: .* from the 10,000 sources of the corpus\.$/);
  });
});
