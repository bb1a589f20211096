import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { openStore } from './store.js';
import { copyCorpus, CORPUS_DIR, STATEMENT_ID } from './test-support/corpus.js';
import { tempDir } from './test-support/temp.js';
import type { VerificationStatus } from './types.js';

/**
 * The statement's statuses as corpus/PROVENANCE.md states them, read from its
 * "Verification status by paragraph" list, so that the metadata cannot drift from it.
 */
function provenanceStatuses(): Map<string, VerificationStatus> {
  const text = fs.readFileSync(path.join(CORPUS_DIR, 'PROVENANCE.md'), 'utf8');
  const section = text.slice(text.indexOf('Verification status by paragraph'));
  const items = section.split(/\n  - /).slice(1);
  const out = new Map<string, VerificationStatus>();
  for (const item of items) {
    const status: VerificationStatus | undefined = item.startsWith('confirmed whole')
      ? 'confirmed'
      : item.startsWith('confirmed in part')
        ? 'confirmed-in-part'
        : item.startsWith('corrected')
          ? 'corrected'
          : item.startsWith('not independently checked')
            ? 'unchecked'
            : undefined;
    if (!status) continue;
    // Locators are listed after the colon; a correction's notes in parentheses name none.
    const list = item.slice(item.indexOf(':') + 1).split('(')[0]!;
    for (const locator of list.match(/\b(?:0|I|II|III|IV)\.\d+\b/g) ?? []) out.set(locator, status);
  }
  return out;
}

describeEachEngine('verification statuses', (engine) => {
  it('are those PROVENANCE.md gives, paragraph by paragraph (II.11, II.12, IV.8, IV.10 whole; I.2, I.3, I.5, I.6, IV.11 in part)', async () => {
    const wanted = provenanceStatuses();
    expect(wanted.size).toBe(66);
    expect(wanted.get('II.11')).toBe('confirmed');
    expect(wanted.get('IV.11')).toBe('confirmed-in-part');
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const stored = new Map(
      (await store.get(STATEMENT_ID))!.paragraphs.filter((p) => p.verification !== null).map((p) => [p.locator, p.verification]),
    );
    expect(stored).toEqual(wanted);
    await store.close();
  });

  it('follow a new provenance when the corpus is loaded again: same text, same version, new statuses', async () => {
    // A database loaded before the December checks: the nine paragraphs still unchecked.
    const corpus = copyCorpus(path.join(tempDir(), 'corpus'));
    const metaFile = path.join(corpus, 'joint-statement-2022-02-04.en.meta.json');
    const current = fs.readFileSync(metaFile, 'utf8');
    const meta = JSON.parse(current);
    const newer = ['II.11', 'II.12', 'IV.8', 'IV.10', 'I.2', 'I.3', 'I.5', 'I.6', 'IV.11'];
    for (const status of ['confirmed', 'confirmed-in-part'] as const) {
      meta.verification[status].paragraphs = meta.verification[status].paragraphs.filter((l: string) => !newer.includes(l));
    }
    delete meta.verification['confirmed-in-part'].notes;
    meta.verification.unchecked.paragraphs.push(...newer);
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    const place = await engine.place();
    const before = await openStore({ ...place, corpusDir: corpus });
    const old = (await before.get(STATEMENT_ID))!;
    expect(old.paragraphs.find((p) => p.locator === 'II.11')!.verification).toBe('unchecked');
    await before.close();

    fs.writeFileSync(metaFile, current);
    const after = await openStore({ ...place, corpusDir: corpus });
    expect(after.corpus).toMatchObject({ added: [], newVersions: [], unchanged: [STATEMENT_ID, expect.any(String)] });
    const statement = (await after.get(STATEMENT_ID))!;
    expect(statement).toMatchObject({ version: 1, versions: 1, sha256: old.sha256 });
    const status = (locator: string) => statement.paragraphs.find((p) => p.locator === locator)!.verification;
    expect(['II.11', 'II.12', 'IV.8', 'IV.10'].map(status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect(['I.2', 'I.3', 'I.5', 'I.6', 'IV.11'].map(status)).toEqual(Array(5).fill('confirmed-in-part'));
    expect(statement.paragraphs.find((p) => p.locator === 'IV.11')!.verificationNote).toMatch(/one comma, one source: not applied/);
    await after.close();
  });
});
