import { describe, expect, it } from 'vitest';
import { align } from './align.js';
import { preparedSource } from './prepared-source.js';
import { opEd, statement } from './test-support/corpus.js';

describe('a source prepared once for many alignments', () => {
  it('is prepared once for the same text, whichever string holds it', () => {
    const first = preparedSource(statement);
    expect(preparedSource(`${statement}`.slice(0))).toBe(first);
    expect(preparedSource(`${statement} `)).not.toBe(first);
  });

  it('gives the report a source never seen before gives: what was aligned before does not matter', () => {
    const first = JSON.stringify(align(statement, opEd));
    // Other commentaries against it, then other sources until it is forgotten.
    align(statement, opEd.slice(0, 2000));
    align(statement, statement.slice(4000, 9000));
    const forgotten = preparedSource(statement);
    for (let k = 1; k <= 5; k++) align(`${statement}${'\n'.repeat(k)}`, opEd);
    expect(preparedSource(statement)).not.toBe(forgotten);
    expect(JSON.stringify(align(statement, opEd))).toBe(first);
  });
});
