import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatBytes } from '../format-bytes.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { withStore } from '../store/open-store.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the database to a file, safely, even while the server runs.',
  usage: `verbatim backup <file>

Writes a consistent copy of the database (VERBATIM_DB, default data/verbatim.db) to
<file> with SQLite's online backup, safe while "npm start" or another command writes to
it. To restore, stop the server and copy the backup over the database file (and delete
the -wal and -shm files beside it): see "Backup and restore" in README.md.

Example:
  verbatim backup backups/verbatim-2026-11-28.db`,

  async run(args, context) {
    const { positionals } = parseCommandArgs(backupCommand, { args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw usageError(`expected 1 backup file but got ${positionals.length}; usage: ${synopsis(backupCommand)}.`);
    const written = await withStore(context, (store) => store.backup(positionals[0]!));
    context.stdout.write(`Backed up the database to ${written.file} (${formatBytes(written.bytes)}).\n`);
    return 0;
  },
};
