import { describe, expect, it } from 'vitest';
import { describeLocator } from './locator.js';

describe('describeLocator', () => {
  it.each([
    ['IV.5', 'sec. IV, para. 5'],
    ['III.6', 'sec. III, para. 6'],
    ['0.3', 'preamble, para. 3'],
    ['¶12', 'para. 12'],
    ['I.1–I.2', 'sec. I, paras. 1–2'],
    ['¶3–¶5', 'paras. 3–5'],
    ['III.25–IV.1', 'sec. III, para. 25, to sec. IV, para. 1'],
    ['title', 'title'],
  ])('%s → %s', (locator, expected) => {
    expect(describeLocator(locator)).toBe(expected);
  });
});
