import { StoreError } from '../errors.js';

/** Larger inputs are refused: no diplomatic text is this long, and aligning it would stall an add. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A string with one cannot be written as UTF-8 (String#isWellFormed is ES2024, past our lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The input as a string, or a refusal in one sentence: too large, binary, not UTF-8, or empty. */
export function decodeInput(input: { text?: string | undefined; bytes?: Uint8Array | undefined }): string {
  const { text, bytes } = input;
  if ((text === undefined) === (bytes === undefined)) {
    throw new StoreError('invalid', 'Give the document either as text or as bytes, not both or neither.');
  }
  if (bytes !== undefined) return decodeBytes(bytes);
  const value = text!;
  refuseSize(Buffer.byteLength(value, 'utf8'));
  if (value.includes('\u0000')) throw binary();
  if (LONE_SURROGATE.test(value)) {
    throw new StoreError('encoding', 'The document is not valid Unicode text (it contains an unpaired surrogate); convert it to UTF-8 and add it again.');
  }
  return refuseEmpty(value);
}

function decodeBytes(bytes: Uint8Array): string {
  refuseSize(bytes.byteLength);
  if (bytes.includes(0)) throw binary();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new StoreError('encoding', 'The document is not valid UTF-8 text; convert it to UTF-8 and add it again.', { cause: error });
  }
  return refuseEmpty(text);
}

function refuseSize(byteLength: number): void {
  if (byteLength > MAX_INPUT_BYTES) {
    const mb = (byteLength / (1024 * 1024)).toFixed(1);
    throw new StoreError('too-large', `The document is ${mb} MB, over the 5 MB limit for one document.`);
  }
}

/** Also applied after Markdown or HTML conversion, which can leave nothing (a page of scripts). */
export function refuseEmpty(text: string): string {
  if (text.trim() === '') throw new StoreError('empty', 'The document is empty: it has no text to store.');
  return text;
}

function binary(): StoreError {
  return new StoreError('binary', 'The document looks like a binary file (it contains NUL bytes); add plain text, Markdown or HTML.');
}
