import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { AlignmentReport, AlignmentSummary, DocumentVersion, StoredDocument } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReportSchema } from '../test-support/run-cli.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

// ajv is CommonJS: under NodeNext its class is the `default` export of the default import.
const Ajv = Ajv2020.default;

interface ExportJson {
  document: StoredDocument;
  versions: DocumentVersion[];
  alignments: Array<AlignmentSummary & { report: AlignmentReport }>;
}

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim export', () => {
  it('prints the op-ed, its versions and its alignment with the statement, the report valid against the schema', () => {
    const exported = store.json<ExportJson>(['export', 'op-ed-expanding-sino-russian-cooperation']);
    expect(exported.document).toMatchObject({ id: 'op-ed-expanding-sino-russian-cooperation', kind: 'commentary' });
    expect(exported.document.text.length).toBe(exported.document.length);
    expect(exported.versions).toHaveLength(1);
    expect(exported.alignments).toHaveLength(1);
    const [alignment] = exported.alignments;
    expect(alignment!.source.id).toBe('joint-statement-2022-02-04');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(findReportSchema(), 'utf8')));
    expect(validate(alignment!.report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(alignment!.report.passages.some((p) => p.source?.locator === 'IV.5')).toBe(true);
  });

  it('gives the same passage ids on every export: they are stable', () => {
    const ids = (e: ExportJson) => e.alignments.flatMap((a) => a.report.passages.map((p) => p.id));
    const first = store.json<ExportJson>(['export', 'joint-statement-2022-02-04']);
    const second = store.json<ExportJson>(['export', 'joint-statement-2022-02-04']);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(second)).toEqual(ids(first));
  });

  it('refuses an unknown id (exit 1) and a missing one (exit 2) in one sentence', () => {
    expectRefusal(store.run(['export', 'no-such-document']), 'export', 1, /no document has the id "no-such-document"/);
    expectRefusal(store.run(['export']), 'export', 2, /expected 1 document id but got 0; usage: verbatim export <id>/);
  });
});
