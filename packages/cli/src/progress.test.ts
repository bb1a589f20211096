import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

/** A fake stderr that records what a terminal would receive. */
function terminal(isTTY: boolean, columns = 60) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns, write: (chunk: string) => written.push(chunk) } };
}

describe('createProgress', () => {
  it('draws a bar with the count and the item on a terminal, then erases it', () => {
    const { written, stream } = terminal(true, 100);
    const progress = createProgress(stream, { env: {}, now: () => 0 });
    progress.update('Loading the corpus', 1, 2, 'joint-statement-2022-02-04');
    expect(written).toEqual(['\r\u001b[2KLoading the corpus  ██████████░░░░░░░░░░ 1/2  joint-statement-2022-02-04']);
    progress.clear();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('writes nothing off a terminal or on a dumb one', () => {
    for (const [tty, env] of [[false, {}], [true, { TERM: 'dumb' }]] as const) {
      const { written, stream } = terminal(tty);
      const progress = createProgress(stream, { env });
      progress.update('Aligning', 1, 3);
      progress.note('Storing and aligning op-ed.txt');
      progress.clear();
      expect(written).toEqual([]);
    }
  });

  it('redraws at most every 80 ms, but always the last step', () => {
    const { written, stream } = terminal(true);
    let clock = 0;
    const progress = createProgress(stream, { env: {}, now: () => clock });
    for (let done = 1; done <= 100; done++) {
      clock += 1;
      progress.update('Aligning', done, 100);
    }
    // The first step, one after 80 ms, and the last.
    expect(written).toHaveLength(3);
    expect(written.at(-1)).toMatch(/████████████████████ 100\/100$/);
  });

  it('keeps the line within the terminal, so it never wraps onto a second line', () => {
    const { written, stream } = terminal(true, 30);
    createProgress(stream, { env: {} }).note('Storing and aligning a-commentary-with-a-very-long-file-name.md');
    const line = written[0]!.replace('\r\u001b[2K', '');
    expect([...line].length).toBeLessThanOrEqual(29);
    expect(line.endsWith('…')).toBe(true);
  });

  it('erases nothing when nothing was drawn', () => {
    const { written, stream } = terminal(true);
    createProgress(stream, { env: {} }).clear();
    expect(written).toEqual([]);
  });
});
