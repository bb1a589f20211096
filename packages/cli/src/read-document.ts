import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inputError } from './cli-error.js';
import { formatBytes } from './format-bytes.js';
import { firstInvalidUtf8Offset } from './utf8.js';

/** Larger files are refused before they are read: no diplomatic text comes near it. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface TextDocument {
  /** The name as the user typed it: error messages and reports repeat it. */
  name: string;
  /** The absolute path. */
  path: string;
  /** The text, decoded from UTF-8, without a byte order mark. */
  text: string;
  byteLength: number;
}

export interface ReadDocumentOptions {
  /** Relative names are resolved against it (default: the process's working folder). */
  cwd?: string;
  maxBytes?: number;
}

/**
 * Reads a text document for any command that takes files, or throws a `CliError` whose
 * message is the one sentence the user needs: the file is missing, a folder, too large,
 * binary, not UTF-8, or empty.
 */
export async function readDocument(name: string, options: ReadDocumentOptions = {}): Promise<TextDocument> {
  const { cwd = process.cwd(), maxBytes = MAX_DOCUMENT_BYTES } = options;
  const path = resolve(cwd, name);
  const shown = JSON.stringify(name);

  const info = await stat(path).catch((error: unknown) => {
    throw fileSystemError(shown, error);
  });
  if (info.isDirectory()) throw inputError(`${shown} is a folder, not a file.`);
  if (!info.isFile()) throw inputError(`${shown} is not a regular file.`);
  // Checked before reading, so a huge file costs nothing.
  if (info.size > maxBytes) throw inputError(`${shown} is ${sizeAgainstLimit(info.size, maxBytes)}.`);

  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileSystemError(shown, error);
  });
  const text = decodeText(shown, bytes);
  if (text.length === 0) throw inputError(`${shown} is empty.`);
  if (text.trim().length === 0) throw inputError(`${shown} contains only white space.`);
  return { name, path, text, byteLength: bytes.byteLength };
}

function decodeText(shown: string, bytes: Uint8Array): string {
  // UTF-16 files are full of NUL bytes: name the real problem before calling them binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw inputError(`${shown} is UTF-16 text; save it as UTF-8 and try again.`);
  }
  if (bytes.includes(0)) throw inputError(`${shown} is a binary file (it contains NUL bytes), not text.`);
  const invalidAt = firstInvalidUtf8Offset(bytes);
  if (invalidAt >= 0) {
    throw inputError(`${shown} is not UTF-8 text (the first invalid byte is at offset ${invalidAt}); save it as UTF-8 and try again.`);
  }
  // The decoder also strips a UTF-8 byte order mark (ignoreBOM defaults to false), so
  // offsets in reports count from the first real character.
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function sizeAgainstLimit(size: number, limit: number): string {
  const [shownSize, shownLimit] = [formatBytes(size), formatBytes(limit)];
  // Just over the limit both round alike: then only exact counts make sense.
  return shownSize === shownLimit
    ? `${size} bytes; the limit is ${limit} bytes`
    : `${shownSize}; the limit is ${shownLimit}`;
}

function fileSystemError(shown: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return inputError(`${shown} does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return inputError(`cannot read ${shown}: permission denied.`);
    case 'EISDIR':
      return inputError(`${shown} is a folder, not a file.`);
    default:
      return inputError(`cannot read ${shown}${code ? ` (${code})` : ''}.`);
  }
}
