import { readFileSync } from 'node:fs';
import { CliError, ExitCode, usageError } from './cli-error.js';
import type { Command, CommandContext, Output } from './command.js';
import { commands, loadAllCommands } from './commands/index.js';

export interface MainIO {
  stdin?: AsyncIterable<string | Uint8Array>;
  stdout?: Output;
  stderr?: Output;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * The `verbatim` command line: finds the command named by the first argument and runs it
 * with the rest. Returns the exit status and never throws: expected failures become one
 * sentence on stderr, unexpected ones too (with the stack when VERBATIM_DEBUG=1).
 */
export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const context: CommandContext = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    ...(io.stdin ? { stdin: io.stdin } : {}),
  };
  if (!io.stdout) ignoreClosedPipe(process.stdout);
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      const { overview } = await import('./help.js');
      context.stderr.write(overview(await loadAllCommands()));
      return ExitCode.usage;
    }
    if (HELP_FLAGS.has(first) || first === 'help') return await showHelp(rest[0], context);
    if (first === '--version') {
      context.stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    if (first.startsWith('-')) {
      throw usageError(`unknown option ${first}; options go after the command name, as in "verbatim align a.txt b.txt --format json".`);
    }
    command = await findCommand(first);
    if (asksForHelp(rest)) {
      const { commandHelp } = await import('./help.js');
      context.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(rest, context);
  } catch (error) {
    return reportError(error, command, context);
  }
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

/** `--help` anywhere before a `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.has(a));
}

function reportError(error: unknown, command: Command | undefined, context: CommandContext): number {
  const prefix = command ? `verbatim ${command.name}: ` : 'verbatim: ';
  if (error instanceof CliError) {
    context.stderr.write(`${prefix}${error.message}\n`);
    return error.exitCode;
  }
  const debug = context.env.VERBATIM_DEBUG === '1';
  const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.replace(/\.$/, '');
  const hint = debug ? '' : ' (set VERBATIM_DEBUG=1 to see where)';
  context.stderr.write(`${prefix}unexpected error: ${message}${hint}.\n`);
  if (debug && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
  return command?.failureStatus ?? ExitCode.internal;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** `verbatim align … | head` closes the pipe early: that is the reader's choice, not an error. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
