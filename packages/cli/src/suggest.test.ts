import { describe, expect, it } from 'vitest';
import { closestName } from './suggest.js';

const names = ['align', 'add', 'list', 'show', 'search', 'realign', 'export', 'serve', 'verify', 'backup'];

describe('closestName', () => {
  it('corrects a typo or a prefix', () => {
    expect(closestName('algn', names)).toBe('align');
    expect(closestName('serach', names)).toBe('search');
    expect(closestName('exp', names)).toBe('export');
  });

  it('suggests nothing for a name far from all', () => {
    expect(closestName('frobnicate', names)).toBeUndefined();
    expect(closestName('x', names)).toBeUndefined();
  });
});
