import type { Command } from '../command.js';
import { alignCommand } from './align.js';

/**
 * Every `verbatim` command, in the order `verbatim --help` lists them. To add one, write
 * `commands/<name>.ts` exporting a `Command` and add it here; nothing else changes.
 */
export const commands: readonly Command[] = [
  alignCommand,
];
