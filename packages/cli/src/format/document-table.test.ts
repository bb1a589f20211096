import type { DocumentSummary } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { formatDocumentTable } from './document-table.js';

const plain = (text: string) => text;

function summary(fields: Partial<DocumentSummary> & Pick<DocumentSummary, 'id' | 'kind' | 'title'>): DocumentSummary {
  return {
    version: 1, versions: 1, format: 'text', date: null, author: null, issuer: null, url: null, language: null,
    licence: null, sha256: '0'.repeat(64), length: 1, created: '2026-01-01T00:00:00.000Z', alignments: 0, passages: 0,
    ...fields,
  };
}

const DOCUMENTS = [
  summary({
    id: 'joint-statement-2022-02-04',
    kind: 'source',
    date: '2022-02-04',
    passages: 8,
    title: "Joint Statement of the Russian Federation and the People's Republic of China on the International Relations Entering a New Era and the Global Sustainable Development",
  }),
  summary({ id: 'op-ed-expanding-sino-russian-cooperation', kind: 'commentary', date: '2022-02', passages: 12, title: 'Expanding Sino-Russian cooperation' }),
  summary({ id: 'undated', kind: 'commentary', title: 'A note' }),
];

describe('formatDocumentTable', () => {
  it('lines the columns up under their headings, counts right-aligned, a dash for no date', () => {
    expect(formatDocumentTable(DOCUMENTS, { paint: plain })).toBe(
      [
        'ID                                        KIND        DATE        PASSAGES  TITLE',
        "joint-statement-2022-02-04                source      2022-02-04         8  Joint Statement of the Russian Federation and the People's Republic of China on the International Relations Entering a New Era and the Global Sustainable Development",
        'op-ed-expanding-sino-russian-cooperation  commentary  2022-02           12  Expanding Sino-Russian cooperation',
        'undated                                   commentary  —                  0  A note',
        '',
      ].join('\n'),
    );
  });

  it('cuts titles to the terminal width, never a line wider than it', () => {
    const table = formatDocumentTable(DOCUMENTS, { paint: plain, width: 100 });
    for (const line of table.trimEnd().split('\n')) expect([...line].length).toBeLessThan(100);
    // 76 columns before the title leave it 23 of the 100, less one for the cursor.
    expect(table).toContain('  Joint Statement of the…\n');
    expect(table).toContain('  Expanding Sino-Russian…\n');
    expect(table).toContain('  A note\n');
  });
});
