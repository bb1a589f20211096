import { fstatSync, writeSync } from 'node:fs';
import type { Output } from '../command.js';

/**
 * Standard output written straight to its file descriptor, when it is a pipe, a socket or a
 * file — where an editor or a script reads `verbatim check`. Reading `process.stdout` the
 * first time makes a stream, which loads some thirty of Node's modules (about 3 ms of CPU for
 * a linter's every run). Undefined for a character device — a terminal, which gets
 * `process.stdout` and its colours and width, or /dev/null — and whenever the descriptor
 * cannot be examined.
 *
 * Writes are whole and in order. A reader that closes early (`| head`) is its choice, as for
 * the other commands (run-command.ts): the rest is dropped. A descriptor left non-blocking by
 * whoever shares it (EAGAIN) hands the rest to `process.stdout`, which waits for the reader.
 */
export function directOutput(fd: number, stream: () => NodeJS.WritableStream): Output | undefined {
  try {
    if (fstatSync(fd).isCharacterDevice()) return undefined;
  } catch {
    return undefined;
  }
  let closed = false;
  let fallback: NodeJS.WritableStream | undefined;
  return {
    write(chunk: string) {
      if (closed) return true;
      if (fallback) return fallback.write(chunk);
      const bytes = Buffer.from(chunk, 'utf8');
      let written = 0;
      while (written < bytes.length) {
        try {
          written += writeSync(fd, bytes, written);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') {
            closed = true;
            return true;
          }
          if (code !== 'EAGAIN') throw error;
          fallback = stream();
          return fallback.write(bytes.subarray(written));
        }
      }
      return true;
    },
  };
}
