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

/**
 * The one error type of the command line: an expected failure whose message is the single
 * sentence the user sees. Anything else that reaches `main` is an unexpected error.
 */
export class CliError extends Error {
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
