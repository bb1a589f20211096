import { describe, expect, it } from 'vitest';
import { formatFor } from './form';

describe('formatFor', () => {
  it('takes the format the user chose', () => {
    expect(formatFor('html', 'notes.txt')).toBe('html');
  });
  it('reads an uploaded file’s extension when left automatic', () => {
    expect(formatFor('auto', 'op-ed.MD')).toBe('markdown');
    expect(formatFor('auto', 'statement.htm')).toBe('html');
    expect(formatFor('auto', 'statement.en.txt')).toBe('text');
  });
  it('takes pasted text as plain text when left automatic', () => {
    expect(formatFor('auto', null)).toBe('text');
  });
  it('refuses a format it does not know', () => {
    expect(formatFor('pdf', null)).toBeNull();
  });
});
