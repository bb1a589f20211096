import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { StoreError } from './errors.js';
import { openStore } from './store.js';
import type { QueuedVerification } from './types.js';
import type { VerifyResult } from './verify.js';
import { CORPUS_DIR as corpusDir, OP_ED_ID as OP_ED, STATEMENT_ID as STATEMENT, statementText as readStatement } from './test-support/corpus.js';

const statementText = readStatement();
const NOW = new Date('2026-11-28T12:00:00Z');

/** A verification this store ran itself, as every store but a team server's does. */
function inline(result: VerifyResult | QueuedVerification | undefined): VerifyResult {
  if (!result || 'queued' in result) throw new Error('the store did not verify the document itself');
  return result;
}

describeEachEngine('verifying a stored document against an official copy', (engine) => {
  it('reports identical for the same text and changes nothing', async () => {
    const store = await engine.open({ corpusDir });
    const result = inline(await store.verify(STATEMENT, { text: statementText, format: 'text' }));
    expect(result.report.summary).toMatchObject({ identical: 67, differing: 0, missingFromOfficial: 0, missingFromStored: 0 });
    expect(result.applied).toBeNull();
    expect(await store.versions(STATEMENT)).toHaveLength(1);
    await store.close();
  });

  it('reports the edited paragraph and word, and with apply stores a confirmed new version, keeps the old and re-aligns the op-ed', async () => {
    const place = await engine.place();
    const store = await openStore({ ...place, corpusDir });
    const official = statementText.replace('Friendship between the two States has no limits', 'Friendship between the two States knows no limits');
    const checked = inline(await store.verify(STATEMENT, { text: official, format: 'text' }));
    expect(checked.report.paragraphs.filter((p) => p.verdict !== 'identical').map((p) => p.locator)).toEqual(['IV.5']);
    expect(checked.report.paragraphs.find((p) => p.locator === 'IV.5')!.differences.map((d) => [d.source.text, d.commentary.text])).toEqual([
      ['knows', 'has'],
    ]);

    const applied = inline(await store.verify(STATEMENT, { text: official, format: 'text' }, { apply: true, now: NOW }));
    expect(applied.applied).toMatchObject({ version: 2, outcome: 'new-version' });
    expect((await store.versions(STATEMENT)).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.get(STATEMENT, { version: 1 }))!.text).toBe(statementText);
    const latest = (await store.get(STATEMENT))!;
    expect(latest.text).toBe(official);
    const iv5 = latest.paragraphs.find((p) => p.locator === 'IV.5')!;
    expect(iv5.verification).toBe('confirmed');
    expect(iv5.verificationNote).toContain('2026-11-28');
    expect(latest.paragraphs.filter((p) => p.locator !== 'title').every((p) => p.verification === 'confirmed')).toBe(true);
    const report = (await store.alignment(STATEMENT, OP_ED))!;
    expect(report.source.sha256).toBe(latest.sha256);
    expect(report.passages).toHaveLength(8);
    await store.close();

    // Reopening loads corpus/ again: its file is version 1, not a change to undo version 2.
    const reopened = await openStore({ ...place, corpusDir });
    expect((await reopened.versions(STATEMENT)).map((v) => v.version)).toEqual([1, 2]);
    expect((await reopened.get(STATEMENT))!.text).toBe(official);
    await reopened.close();
  });

  it('refuses an empty copy, a binary one, and another document altogether, in one sentence', async () => {
    const store = await engine.open({ corpusDir });
    await expect(store.verify(STATEMENT, { text: '   ', format: 'text' })).rejects.toThrow(StoreError);
    await expect(store.verify(STATEMENT, { bytes: new Uint8Array([0x50, 0, 0x51]), format: 'text' })).rejects.toThrow(StoreError);
    const opEd = (await store.get(OP_ED))!.text;
    await expect(store.verify(STATEMENT, { text: opEd, format: 'text' })).rejects.toThrow(/looks like another document/);
    expect(await store.verify('no-such-document', { text: 'x', format: 'text' })).toBeUndefined();
    await store.close();
  });
});
