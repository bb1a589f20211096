import { describe, expect, it } from 'vitest';
import { statement, opEd } from './test-support/corpus.js';
import { verifyCopy } from './verify.js';

describe('verifying our copy against an official copy', () => {
  it('finds no difference between a text and itself', () => {
    const r = verifyCopy(statement, statement);
    expect(r.summary).toEqual({ identical: 67, typography: 0, differing: 0, missingFromOfficial: 0, missingFromStored: 0 });
    expect(r.overlap).toBe(1);
  });

  it('reports exactly a changed word, a dropped sentence, a missing paragraph and a typography-only change, by locator', () => {
    const dropped = ' Development is a key driver in ensuring the prosperity of the nations.';
    const iv19 = statement.slice(statement.lastIndexOf('\n\nThe sides intend to develop cooperation within'));
    const official = statement
      .replace('further enlargement of NATO', 'further expansion of NATO')
      .replace(dropped, '')
      .replace(iv19, '')
      .replace("Certain States' attempts", 'Certain States’ attempts');
    const r = verifyCopy(statement, official);
    const notIdentical = r.paragraphs.filter((p) => p.verdict !== 'identical');
    expect(notIdentical.map((p) => [p.locator, p.verdict])).toEqual([
      ['I.4', 'typography'],
      ['II.1', 'differs'],
      ['III.6', 'differs'],
      ['IV.19', 'missing'],
    ]);
    const read = (locator: string) =>
      r.paragraphs.find((p) => p.locator === locator)!.differences.map((d) => `${d.type} ${d.category}: ${d.source.text} → ${d.commentary.text}`);
    expect(read('III.6')).toEqual(['replace wording: expansion → enlargement']);
    expect(read('II.1')).toEqual(['insert wording:  → Development is a key driver in ensuring the prosperity of the nations']);
    expect(r.summary).toMatchObject({ identical: 63, typography: 1, differing: 2, missingFromOfficial: 1, missingFromStored: 0 });
  });

  it('lists a paragraph the official copy has and ours lacks', () => {
    const r = verifyCopy(statement.replace('\n\nThe Russian side supports a successful hosting by the Chinese side of the Winter Olympic and Paralympic Games in Beijing in 2022.', ''), statement);
    expect(r.missingFromStored.map((s) => s.text)).toEqual([
      'The Russian side supports a successful hosting by the Chinese side of the Winter Olympic and Paralympic Games in Beijing in 2022.',
    ]);
  });

  it('shows when the official copy is another document altogether', () => {
    expect(verifyCopy(statement, opEd).overlap).toBeLessThan(0.25);
  });
});
