import type { Command } from './command.js';

/** `verbatim --help`: every command with its one-line summary. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `verbatim — how a commentary quotes its source

Usage: verbatim <command> [arguments] [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "verbatim help <command>" or "verbatim <command> --help" for a command's arguments.
Other options: --help, --version. Set VERBATIM_DEBUG=1 to see the stack of an unexpected error.
`;
}

/** `verbatim help <command>`. */
export function commandHelp(command: Command): string {
  return `Usage: ${command.usage.trimEnd()}\n`;
}
