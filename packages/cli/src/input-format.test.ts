import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { inputFormatOf } from './input-format.js';

describe('inputFormatOf', () => {
  it('reads the format from the extension, in any case', () => {
    expect(inputFormatOf('op-ed.txt', undefined)).toBe('text');
    expect(inputFormatOf('notes.md', undefined)).toBe('markdown');
    expect(inputFormatOf('notes.markdown', undefined)).toBe('markdown');
    expect(inputFormatOf('saved/page.HTML', undefined)).toBe('html');
    expect(inputFormatOf('page.htm', undefined)).toBe('html');
  });

  it('lets --input-format overrule the extension', () => {
    expect(inputFormatOf('article.txt', 'markdown')).toBe('markdown');
    expect(inputFormatOf('statement', 'text')).toBe('text');
  });

  it('refuses an extension that says nothing, or none, as a wrong command line', () => {
    expect(() => inputFormatOf('letter.rtf', undefined)).toThrow(
      'cannot tell the format of "letter.rtf" from the extension ".rtf"; give --input-format text, markdown or html.',
    );
    expect(() => inputFormatOf('README', undefined)).toThrow(/from a file name without an extension;/);
    expect(() => inputFormatOf('x.txt', 'pdf')).toThrow('unknown input format "pdf"; use --input-format text, markdown or html.');
    try {
      inputFormatOf('letter.rtf', undefined);
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});
