import type { Command } from '../command.js';

interface CommandEntry {
  name: string;
  /** The command's module, imported only when it runs (or when help lists them all). */
  load: () => Promise<Command>;
}

/**
 * Every `verbatim` command, in the order `verbatim --help` lists them. Each is imported on
 * demand, so a command loads only its own code: `verbatim check`, run as a linter on every
 * save, does not pay for the store's ingestion or the web server. To add one, write
 * `commands/<name>.ts` exporting a `Command` and add a line here; nothing else changes.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'align', load: async () => (await import('./align.js')).alignCommand },
  { name: 'add', load: async () => (await import('./add.js')).addCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'list', load: async () => (await import('./list.js')).listCommand },
  { name: 'show', load: async () => (await import('./show.js')).showCommand },
  { name: 'search', load: async () => (await import('./search.js')).searchCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'realign', load: async () => (await import('./realign.js')).realignCommand },
  { name: 'verify', load: async () => (await import('./verify.js')).verifyCommand },
  { name: 'backup', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'migrate-to', load: async () => (await import('./migrate-to.js')).migrateToCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', load: async () => (await import('./worker.js')).workerCommand },
];

/** Every command, loaded: what `verbatim --help` lists. */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(commands.map((c) => c.load()));
}
