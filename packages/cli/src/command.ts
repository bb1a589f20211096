/** Where a command writes. Streams and test doubles both fit. */
export interface Output {
  write(chunk: string): unknown;
  /** Set on a terminal: decides colour and line width. */
  isTTY?: boolean;
  columns?: number;
}

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative file names are resolved against it. */
  cwd: string;
  /** What `-` reads (default: the process's standard input). */
  stdin?: AsyncIterable<string | Uint8Array>;
}

/**
 * One `verbatim <name>` command. Each lives in its own module under `commands/` and is
 * listed once in `commands/index.ts`.
 */
export interface Command {
  name: string;
  /** One line for `verbatim --help`. */
  summary: string;
  /** The full help for `verbatim help <name>`; its first line is the synopsis. */
  usage: string;
  /**
   * Runs with the arguments after the command name and returns the exit status.
   * Expected failures are thrown as `CliError`; `main` reports them.
   */
  run(args: string[], context: CommandContext): Promise<number>;
  /**
   * The exit status of an unexpected error, when 1 means something else to this command
   * (`check` exits 1 for a quotation that is not genuine).
   */
  failureStatus?: number;
}
