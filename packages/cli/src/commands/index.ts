import type { Command } from '../command.js';
import { addCommand } from './add.js';
import { alignCommand } from './align.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import { listCommand } from './list.js';
import { realignCommand } from './realign.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { verifyCommand } from './verify.js';

/**
 * Every `verbatim` command, in the order `verbatim --help` lists them. To add one, write
 * `commands/<name>.ts` exporting a `Command` and add it here; nothing else changes.
 */
export const commands: readonly Command[] = [
  alignCommand,
  addCommand,
  listCommand,
  showCommand,
  searchCommand,
  exportCommand,
  realignCommand,
  verifyCommand,
  backupCommand,
  serveCommand,
];
