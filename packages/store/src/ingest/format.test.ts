import { describe, expect, it } from 'vitest';
import { formatOf } from './format.js';

describe('formatOf', () => {
  it('reads the extension of the corpus files and of what users upload, in any case', () => {
    expect(formatOf({ fileName: 'joint-statement-2022-02-04.en.txt' })).toBe('text');
    expect(formatOf({ fileName: 'op-ed.MD' })).toBe('markdown');
    expect(formatOf({ fileName: 'notes.markdown' })).toBe('markdown');
    expect(formatOf({ fileName: 'kremlin-page.htm' })).toBe('html');
    expect(formatOf({ fileName: 'C:\\Users\\me\\statement.XHTML' })).toBe('html');
  });

  it('prefers the name to the media type: browsers send .md files as octet-stream or text/plain', () => {
    expect(formatOf({ fileName: 'op-ed.md', mediaType: 'text/plain' })).toBe('markdown');
    expect(formatOf({ fileName: 'op-ed.md', mediaType: 'application/octet-stream' })).toBe('markdown');
  });

  it('falls back on the media type, parameters and case aside', () => {
    expect(formatOf({ fileName: 'statement', mediaType: 'text/html; charset=utf-8' })).toBe('html');
    expect(formatOf({ fileName: 'blob', mediaType: 'Text/Markdown' })).toBe('markdown');
    expect(formatOf({ mediaType: 'text/plain' })).toBe('text');
  });

  it('says nothing rather than guess when neither tells', () => {
    expect(formatOf({ fileName: 'statement.pdf', mediaType: 'application/pdf' })).toBeUndefined();
    expect(formatOf({ fileName: 'README' })).toBeUndefined();
    expect(formatOf({ fileName: 'notes.d/README' })).toBeUndefined();
    expect(formatOf({})).toBeUndefined();
  });
});
