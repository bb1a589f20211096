/** Exit statuses the command line promises (SPEC §3): scripts branch on them. */
export const ExitCode = {
  ok: 0,
  /** The input was wrong: a missing, unreadable, oversized, binary or empty file. */
  badInput: 1,
  /** The command line itself was wrong: an unknown command, option, value or argument count. */
  usage: 2,
  /** Something we did not foresee; reported in one sentence, the stack only with VERBATIM_DEBUG=1. */
  internal: 1,
  /** The corpus was busy with another writer (the server adding a document): nothing was done, try again. EX_TEMPFAIL. */
  busy: 75,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

const CLI_ERROR = Symbol.for('@verbatim/cli CliError');

/**
 * The one error type of the command line: an expected failure whose message is the single
 * sentence the user sees. Anything else that reaches `main` is an unexpected error.
 */
export class CliError extends Error {
  /**
   * `verbatim check` runs bundled (dist/check.cjs) and imports the modules of rarer inputs
   * unbundled, each with its own copy of this class: an error is a CliError whichever copy
   * made it, by this mark rather than by its prototype.
   */
  readonly [CLI_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [CLI_ERROR]?: unknown })[CLI_ERROR] === true;
  }

  constructor(
    message: string,
    readonly exitCode: ExitStatus,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}

export function inputError(message: string): CliError {
  return new CliError(message, ExitCode.badInput);
}

export function busyError(message: string): CliError {
  return new CliError(message, ExitCode.busy);
}
