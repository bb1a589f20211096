import { beforeAll, describe, expect, it } from 'vitest';
import { seedPair } from '../test-support/seed';
import type { PassageView } from './model';
import { ALL, passageFromHash, step, tally, visible } from './navigation';
import { passageViews } from './passages';

let passages: PassageView[];
beforeAll(async () => {
  passages = passageViews((await seedPair()).report);
});

describe('the passage list', () => {
  it('filters by status and by kind', () => {
    expect(visible(passages, ALL)).toHaveLength(8);
    const verbatim = visible(passages, { statuses: new Set(['verbatim']), kinds: ALL.kinds });
    expect(verbatim.map((p) => p.n)).toEqual([1, 6]);
    const borrowings = visible(passages, { statuses: ALL.statuses, kinds: new Set(['borrowing']) });
    expect(borrowings.every((p) => p.kind === 'borrowing')).toBe(true);
    expect(borrowings).toHaveLength(2);
  });

  it('counts each status and kind for the filter labels', () => {
    expect(tally(passages)).toEqual({
      statuses: { verbatim: 2, variant: 0, altered: 6, paraphrased: 0, not_found: 0 },
      kinds: { quotation: 6, borrowing: 2 },
    });
  });

  it('moves to the next and previous passage shown, starting from either end and stopping there', () => {
    const ids = passages.map((p) => p.id);
    expect(step(passages, null, 1)).toBe(ids[0]);
    expect(step(passages, null, -1)).toBe(ids[7]);
    expect(step(passages, ids[2]!, 1)).toBe(ids[3]);
    expect(step(passages, ids[2]!, -1)).toBe(ids[1]);
    expect(step(passages, ids[7]!, 1)).toBe(ids[7]);
    expect(step(passages, ids[0]!, -1)).toBe(ids[0]);
    // A selected passage the filters now hide: start again from the first one shown.
    const verbatim = passages.filter((p) => p.status === 'verbatim');
    expect(step(verbatim, ids[2]!, 1)).toBe(verbatim[0]!.id);
    expect(step([], ids[2]!, 1)).toBe(ids[2]);
  });

  it('reads a permalink', () => {
    const id = passages[3]!.id;
    expect(passageFromHash(`#passage-${id}`, passages)).toBe(id);
    expect(passageFromHash('#passage-p-0000000000000000', passages)).toBeNull();
    expect(passageFromHash('#top', passages)).toBeNull();
  });
});
