import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error.js';
import type { Command } from './command.js';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * `node:util` parseArgs (strict unless the config says otherwise), with its errors turned into one-sentence usage errors:
 * its own messages run to two sentences and talk about `--` positionals.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: Pick<Command, 'usage'>, config: T): Parsed<T> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw usageError(`${describeParseError(error)}; usage: ${synopsis(command)}.`);
  }
}

/** The first line of a command's usage: what `usage:` hints show. */
export function synopsis(command: Pick<Command, 'usage'>): string {
  return command.usage.split('\n', 1)[0]!.trim();
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' <]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message)
        ? `${option ?? 'an option'} needs a value`
        : `${option ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'too many arguments';
    default:
      // Unknown parser failure: keep only its first sentence.
      return message.split(/\.\s/, 1)[0]!.replace(/\.$/, '');
  }
}
