import type { Output } from '../command.js';

/** Off a terminal there is no width to respect: prose is wrapped at this many columns. */
export const DEFAULT_WIDTH = 80;

/**
 * The width to wrap prose at: the terminal's, kept within what reads well (long lines of
 * running text are hard to follow), 80 columns off a terminal.
 */
export function readableWidth(stream: Output): number {
  const columns = terminalColumns(stream);
  return columns ? Math.min(Math.max(columns, 60), 100) : DEFAULT_WIDTH;
}

/** The terminal's width in columns, or undefined when the stream is not a terminal. */
export function terminalColumns(stream: Output): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}
