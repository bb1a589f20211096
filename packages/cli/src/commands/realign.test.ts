import type { AlignmentReport } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

type Exported = { alignments: Array<{ report: AlignmentReport }> };

describe('verbatim realign', () => {
  it('recomputes every alignment to the same result, with no progress bar off a terminal', () => {
    const before = store.json<Exported>(['export', 'op-ed-expanding-sino-russian-cooperation']);
    const result = store.run(['realign']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Realigned 1 commentary with the sources it quotes: 1 alignment.\n');
    const after = store.json<Exported>(['export', 'op-ed-expanding-sino-russian-cooperation']);
    expect(after.alignments.map((a) => a.report)).toEqual(before.alignments.map((a) => a.report));
  });

  it('takes no arguments (exit 2)', () => {
    expectRefusal(store.run(['realign', 'everything']), 'realign', 2, /too many arguments; usage: verbatim realign/);
  });
});
