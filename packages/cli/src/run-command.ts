import { CliError, ExitCode } from './cli-error.js';
import type { Command, CommandContext, Output } from './command.js';

export interface MainIO {
  stdin?: AsyncIterable<string | Uint8Array>;
  stdout?: Output;
  stderr?: Output;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

const HELP_FLAGS = new Set(['--help', '-h']);

/** Where a command reads and writes: the process's own streams unless told otherwise (tests). */
export function commandContext(io: MainIO): CommandContext {
  if (!io.stdout) ignoreClosedPipe(process.stdout);
  return {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    ...(io.stdin ? { stdin: io.stdin } : {}),
  };
}

/**
 * Runs one command with the arguments after its name (its help when they ask for it) and
 * returns the exit status; never throws. This module knows no command but the one it is
 * given, so a command bundled on its own (`verbatim check`, see scripts/bundle-check.mjs) loads
 * no other.
 */
export async function runCommand(command: Command, args: string[], context: CommandContext): Promise<number> {
  try {
    if (asksForHelp(args)) {
      const { commandHelp } = await import('./help.js');
      context.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(args, context);
  } catch (error) {
    return reportError(error, command, context);
  }
}

/** `--help` anywhere before a `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP_FLAGS.has(a));
}

export function isHelpFlag(arg: string): boolean {
  return HELP_FLAGS.has(arg);
}

/**
 * Expected failures become one sentence on stderr, unexpected ones too (with the stack
 * when VERBATIM_DEBUG=1).
 */
export function reportError(error: unknown, command: Command | undefined, context: CommandContext): number {
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

/** `verbatim align … | head` closes the pipe early: that is the reader's choice, not an error. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
