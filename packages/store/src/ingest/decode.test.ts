import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { decodeInput, MAX_INPUT_BYTES } from './decode.js';

function refusal(input: Parameters<typeof decodeInput>[0]): { code: string; message: string } {
  try {
    decodeInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return { code: (error as StoreError).code, message: (error as StoreError).message };
  }
  throw new Error('expected a refusal');
}

describe('decodeInput', () => {
  it('returns text as given and UTF-8 bytes decoded', () => {
    expect(decodeInput({ text: '  “no limits”\n\n' })).toBe('  “no limits”\n\n');
    expect(decodeInput({ bytes: Buffer.from('“no limits”', 'utf8') })).toBe('“no limits”');
  });

  it('refuses empty documents, white space included', () => {
    expect(refusal({ text: '' })).toEqual({ code: 'empty', message: 'The document is empty: it has no text to store.' });
    expect(refusal({ bytes: Buffer.from(' \n\t\n') }).code).toBe('empty');
  });

  it('refuses binary files', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(refusal({ bytes: png })).toEqual({
      code: 'binary',
      message: 'The document looks like a binary file (it contains NUL bytes); add plain text, Markdown or HTML.',
    });
    expect(refusal({ text: 'text\u0000more' }).code).toBe('binary');
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = Buffer.from('Fran\xe7ois and the d\xe9tente', 'latin1');
    expect(refusal({ bytes: latin1 })).toEqual({
      code: 'encoding',
      message: 'The document is not valid UTF-8 text; convert it to UTF-8 and add it again.',
    });
    expect(refusal({ text: 'half a pair \ud83d here' }).code).toBe('encoding');
  });

  it('refuses documents over 5 MB', () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 'a');
    expect(refusal({ bytes: big })).toEqual({
      code: 'too-large',
      message: 'The document is 5.0 MB, over the 5 MB limit for one document.',
    });
    expect(refusal({ text: 'é'.repeat(MAX_INPUT_BYTES / 2 + 1) }).code).toBe('too-large');
    expect(decodeInput({ bytes: Buffer.alloc(MAX_INPUT_BYTES, 'a') })).toHaveLength(MAX_INPUT_BYTES);
  });

  it('wants exactly one of text and bytes', () => {
    expect(refusal({}).code).toBe('invalid');
    expect(refusal({ text: 'a', bytes: Buffer.from('a') }).code).toBe('invalid');
  });
});
