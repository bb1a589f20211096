import { readFileSync } from 'node:fs';
import { ExitCode, usageError } from './cli-error.js';
import type { Command, CommandContext } from './command.js';
import { commands, loadAllCommands } from './commands/index.js';
import { commandContext, isHelpFlag, reportError, runCommand, type MainIO } from './run-command.js';

export type { MainIO } from './run-command.js';

/**
 * The `verbatim` command line: finds the command named by the first argument and runs it
 * with the rest. Returns the exit status and never throws: expected failures become one
 * sentence on stderr, unexpected ones too (with the stack when VERBATIM_DEBUG=1).
 */
export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const context = commandContext(io);
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      const { overview } = await import('./help.js');
      context.stderr.write(overview(await loadAllCommands()));
      return ExitCode.usage;
    }
    if (isHelpFlag(first) || first === 'help') return await showHelp(rest[0], context);
    if (first === '--version') {
      context.stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    if (first.startsWith('-')) {
      throw usageError(`unknown option ${first}; options go after the command name, as in "verbatim align a.txt b.txt --format json".`);
    }
    command = await findCommand(first);
  } catch (error) {
    return reportError(error, command, context);
  }
  return runCommand(command, argv.slice(1), context);
}

// Help and the spelling suggestion are imported when asked for: a command run as a linter
// (`verbatim check`, on every save) loads only what it runs.
async function showHelp(name: string | undefined, context: CommandContext): Promise<number> {
  const { commandHelp, overview } = await import('./help.js');
  context.stdout.write(name === undefined ? overview(await loadAllCommands()) : commandHelp(await findCommand(name)));
  return ExitCode.ok;
}

async function findCommand(name: string): Promise<Command> {
  const entry = commands.find((c) => c.name === name);
  if (entry) return entry.load();
  const { closestName } = await import('./suggest.js');
  const guess = closestName(name, commands.map((c) => c.name));
  const hint = guess ? `did you mean "${guess}"? ` : '';
  throw usageError(`${JSON.stringify(name)} is not a command (${hint}run "verbatim --help" to list them).`);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
