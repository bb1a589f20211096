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
}
