import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, OP_ED, openTestApp, readCorpus, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const statement = readCorpus('joint-statement-2022-02-04.en.txt');
const edited = statement.replace('Friendship between the two States has no limits', 'Friendship between the two States knows no limits');

interface VerifyBody {
  report: { summary: { identical: number; differing: number }; paragraphs: Array<{ locator: string; verdict: string }> };
  applied: { version: number; outcome: string } | null;
}

describe('POST /api/documents/:id/verify', () => {
  it('reports the statement identical to its own text, and stores nothing', async () => {
    const res = await t.app.request(`/api/documents/${STATEMENT}/verify`, json({ text: statement }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as VerifyBody;
    expect(body.report.summary).toMatchObject({ identical: 67, differing: 0 });
    expect(body.applied).toBeNull();
  });

  it('reports exactly the edited paragraph; with apply, stores a new version and re-aligns the op-ed', async () => {
    const checked = (await (await t.app.request(`/api/documents/${STATEMENT}/verify`, json({ text: edited }))).json()) as VerifyBody;
    expect(checked.report.paragraphs.filter((p) => p.verdict !== 'identical').map((p) => p.locator)).toEqual(['IV.5']);
    const applied = await t.app.request(`/api/documents/${STATEMENT}/verify`, json({ text: edited, apply: true }));
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as VerifyBody).applied).toMatchObject({ version: 2, outcome: 'new-version' });
    const report = (await (await t.app.request(SEED_REPORT)).json()) as { source: { sha256: string }; passages: unknown[] };
    expect(report.passages).toHaveLength(8);
    const latest = (await (await t.app.request(`/api/documents/${STATEMENT}`)).json()) as { sha256: string; version: number };
    expect(latest.version).toBe(2);
    expect(report.source.sha256).toBe(latest.sha256);
  });

  it('refuses another document altogether (400), an unknown id (404) and a body without text (400) as problem+json', async () => {
    const opEd = readCorpus('op-ed-expanding-sino-russian-cooperation.txt');
    const other = await t.app.request(`/api/documents/${STATEMENT}/verify`, json({ text: opEd }));
    expect(other.status).toBe(400);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(((await other.json()) as { detail: string }).detail).toMatch(/looks like another document/);
    expect((await t.app.request(`/api/documents/no-such-document/verify`, json({ text: statement }))).status).toBe(404);
    expect((await t.app.request(`/api/documents/${OP_ED}/verify`, json({ format: 'text' }))).status).toBe(400);
  });
});
