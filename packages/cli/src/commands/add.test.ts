import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassageStatus } from '@verbatim/core';
import type { AlignmentReport, AlignmentSummary, DocumentSummary, StoredDocument } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../test-support/run-cli.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

const STATEMENT_ID = 'joint-statement-2022-02-04';
const OP_ED_ID = 'op-ed-expanding-sino-russian-cooperation';

/** A new commentary quoting paragraph III.6 of the joint statement, emphasis added in Markdown. */
const COMMENTARY = `# Beijing and Moscow draw a line

On 4 February 2022 the two leaders went further than ever. In their joint statement,
"the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to
abandon its *ideologized cold war approaches*" (emphasis added).

Critics were quick to note what the statement leaves out.
`;

interface AddJson {
  outcome: 'added' | 'new-version' | 'existing';
  document: Omit<StoredDocument, 'text' | 'paragraphs' | 'emphasis'>;
  alignments: Array<AlignmentSummary & { statuses: Record<PassageStatus, number> }>;
}

interface ShowJson {
  document: StoredDocument;
  alignments: AddJson['alignments'];
}

interface ExportJson {
  document: StoredDocument;
  alignments: Array<AlignmentSummary & { report: AlignmentReport }>;
}

let store: TempStore;
const file = (name: string) => join(store.dir, name);

beforeAll(() => {
  store = tempStore();
  writeFileSync(file('commentary.md'), COMMENTARY);
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(file('nested.html'), `<html><body>${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}</body></html>`);
  writeFileSync(file('scripts-only.html'), '<html><head><script>var quoted = "no limits";</script></head><body></body></html>');
  writeFileSync(file('letter.rtf'), '{\\rtf1 The sides oppose further enlargement of NATO.}');
});

afterAll(() => store.remove());

describe('verbatim add, from an empty database', () => {
  it('stores a new commentary that quotes the joint statement, and its alignment', () => {
    expect(existsSync(store.database)).toBe(false);
    const result = store.run(['add', file('commentary.md'), '--kind', 'commentary', '--date', '2022-02-07']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Added "[^"]*commentary\.md" as the commentary beijing-and-moscow-draw-a-line, version 1\.$/m);
    expect(result.stdout).toMatch(/^Aligned now with 1 source:$/m);
    expect(result.stdout).toMatch(/^ {2}joint-statement-2022-02-04 ↔ beijing-and-moscow-draw-a-line$/m);
    expect(result.stdout).toMatch(/^ {4}\d+ passages?: \d+ verbatim · \d+ variant · \d+ altered · \d+ not found;/m);

    const shown = store.json<ShowJson>(['show', 'beijing-and-moscow-draw-a-line', '--format', 'json']);
    expect(shown.document).toMatchObject({ kind: 'commentary', format: 'markdown', date: '2022-02-07', title: 'Beijing and Moscow draw a line' });
    const [alignment] = shown.alignments;
    expect(shown.alignments).toHaveLength(1);
    expect(alignment!.source.id).toBe(STATEMENT_ID);
    expect(alignment!.passages).toBeGreaterThan(0);
    expect(alignment!.statuses.verbatim).toBeGreaterThan(0);

    const exported = store.json<ExportJson>(['export', 'beijing-and-moscow-draw-a-line']);
    expect(exported.document.id).toBe('beijing-and-moscow-draw-a-line');
    const report = exported.alignments.find((a) => a.source.id === STATEMENT_ID)!.report;
    const nato = report.passages.find((p) => p.commentary.text.includes('enlargement of NATO'));
    expect(nato).toMatchObject({ kind: 'quotation', status: 'verbatim', source: { locator: 'III.6' } });
    // Markdown keeps the italics, so "(emphasis added)" is tied to the words it names.
    expect(nato!.marks.map((m) => m.type)).toContain('emphasis-added');
  });

  it('says a file already stored is stored, and adds nothing', () => {
    const before = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    const again = store.run(['add', file('commentary.md'), '--kind', 'commentary']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is already stored as the commentary beijing-and-moscow-draw-a-line, version 1: nothing was added\./);

    const asJson = store.json<AddJson>(['add', file('commentary.md'), '--kind', 'commentary', '--format', 'json']);
    expect(asJson.outcome).toBe('existing');
    expect(asJson.document).toMatchObject({ id: 'beijing-and-moscow-draw-a-line', version: 1, versions: 1 });

    const after = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    expect(after).toEqual(before);
    expect(after.map((d) => d.id).sort()).toEqual(['beijing-and-moscow-draw-a-line', STATEMENT_ID, OP_ED_ID].sort());
  });

  it('aligns a new source with the stored commentaries that quote it', () => {
    // Paragraph IV.5 alone, as if it were a separate communiqué: the op-ed quotes it.
    const iv5 = store.json<ShowJson>(['show', STATEMENT_ID, '--format', 'json']).document.paragraphs.find((p) => p.locator === 'IV.5')!;
    writeFileSync(file('iv5.txt'), `${iv5.text}\n`);
    const added = store.json<AddJson>(['add', file('iv5.txt'), '--kind', 'source', '--title', 'Paragraph IV.5', '--format', 'json']);
    expect(added.outcome).toBe('added');
    expect(added.document).toMatchObject({ id: 'paragraph-iv-5', kind: 'source', format: 'text' });
    const commentaries = added.alignments.map((a) => a.commentary.id);
    expect(commentaries).toContain(OP_ED_ID);
    expect(added.alignments.every((a) => a.source.id === 'paragraph-iv-5')).toBe(true);
  });

  it('adds a new version of a document named with --id, keeping the old one', () => {
    writeFileSync(file('v2.md'), `${COMMENTARY}\nA paragraph added in a correction.\n`);
    const result = store.json<AddJson>(['add', file('v2.md'), '--kind', 'commentary', '--id', 'beijing-and-moscow-draw-a-line', '--format', 'json']);
    expect(result.outcome).toBe('new-version');
    expect(result.document).toMatchObject({ version: 2, versions: 2 });
    expect(store.run(['show', 'beijing-and-moscow-draw-a-line']).stdout).toMatch(/^ {2}1 {2}\d{4}-\d{2}-\d{2} {2}sha256 [0-9a-f]{12}…/m);
  });

  it('takes the format from --input-format over the extension', () => {
    writeFileSync(file('markdown-in-a.txt'), '# A heading\n\nThe sides *believe* that democracy is a universal human value.\n');
    const added = store.json<AddJson>(['add', file('markdown-in-a.txt'), '--kind', 'commentary', '--input-format', 'markdown', '--format', 'json']);
    expect(added.document.format).toBe('markdown');
    expect(added.document.title).toBe('A heading');
  });
});

describe('verbatim add refuses bad input in one sentence, storing nothing', () => {
  it('a missing file (exit 1), before the database is even opened', () => {
    const elsewhere = tempStore();
    try {
      expectRefusal(elsewhere.run(['add', file('nope.md'), '--kind', 'commentary']), 'add', 1, /"[^"]*nope\.md" does not exist\./);
      expect(existsSync(elsewhere.database)).toBe(false);
    } finally {
      elsewhere.remove();
    }
  });

  it('an empty file and a binary file (exit 1)', () => {
    expectRefusal(store.run(['add', file('empty.txt'), '--kind', 'source']), 'add', 1, /"[^"]*empty\.txt" is empty\./);
    expectRefusal(store.run(['add', file('binary.txt'), '--kind', 'source']), 'add', 1, /"[^"]*binary\.txt" is a binary file \(it contains NUL bytes\), not text\./);
  });

  it('HTML with no text once its markup is gone (exit 1), naming the file', () => {
    expectRefusal(store.run(['add', file('scripts-only.html'), '--kind', 'commentary']), 'add', 1, /^verbatim add: "[^"]*scripts-only\.html" is empty: it has no text to store\.$/m);
  });

  it('HTML nesting 50,000 elements (exit 1), in one sentence', () => {
    expectRefusal(
      store.run(['add', file('nested.html'), '--kind', 'commentary']),
      'add',
      1,
      /^verbatim add: the HTML nests elements more than 1,000 levels deep, far deeper than any page a reader sees; add the page as it is saved by a browser, or its text\.$/m,
    );
  });

  it('a date that is not one (exit 1)', () => {
    expectRefusal(store.run(['add', file('commentary.md'), '--kind', 'commentary', '--date', 'last week']), 'add', 1, /the date "last week" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD\./);
  });

  it('an unknown or missing --kind (a wrong command line: exit 2)', () => {
    expectRefusal(store.run(['add', file('commentary.md'), '--kind', 'op-ed']), 'add', 2, /unknown kind "op-ed"; use --kind source or --kind commentary\./);
    expectRefusal(store.run(['add', file('commentary.md')]), 'add', 2, /say what the document is with --kind source or --kind commentary; usage: verbatim add <file\|url>/);
  });

  it('an extension that names no format, without --input-format (exit 2)', () => {
    expectRefusal(
      store.run(['add', file('letter.rtf'), '--kind', 'commentary']),
      'add',
      2,
      /cannot tell the format of "[^"]*letter\.rtf" from the extension "\.rtf"; give --input-format text, markdown or html\./,
    );
  });

  it('no file or two files, an unknown --format or option (exit 2)', () => {
    expectRefusal(store.run(['add', '--kind', 'source']), 'add', 2, /expected 1 file or address but got 0; usage: verbatim add <file\|url> --kind source\|commentary/);
    expectRefusal(store.run(['add', 'a.txt', 'b.txt', '--kind', 'source']), 'add', 2, /expected 1 file or address but got 2/);
    expectRefusal(store.run(['add', file('commentary.md'), '--kind', 'source', '--format', 'markdown']), 'add', 2, /unknown format "markdown"; use --format text or --format json\./);
    expectRefusal(store.run(['add', file('commentary.md'), '--kind', 'source', '--tilte', 'x']), 'add', 2, /unknown option --tilte/);
  });

  it('left the database as it was', () => {
    const ids = store.json<DocumentSummary[]>(['list', '--format', 'json']).map((d) => d.id);
    expect(ids).not.toContain('scripts-only');
    expect(ids).toHaveLength(new Set(ids).size);
  });
});

describe('the corpus loaded by add', () => {
  it('is the repository corpus, byte for byte', () => {
    const listed = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    const meta = JSON.parse(readFileSync(join(corpusDir, 'op-ed-expanding-sino-russian-cooperation.meta.json'), 'utf8')) as { sha256: string };
    expect(listed.find((d) => d.id === OP_ED_ID)?.sha256).toBe(meta.sha256);
  });
});
