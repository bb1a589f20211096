import { checkCommand } from '../commands/check.js';
import { commandContext, runCommand, type MainIO } from '../run-command.js';
import { directOutput } from './direct-output.js';

/**
 * `verbatim check <args>`, as `main` runs it, without the other commands: the entry of the
 * one-file bundle (dist/check.cjs, made by scripts/bundle-check.mjs) that bin/verbatim.js
 * runs for `check`, the command run as a linter on every save.
 */
export function check(args: string[], io: MainIO = {}): Promise<number> {
  const stdout = io.stdout ?? directOutput(1, () => process.stdout);
  // Standard error is made a stream only when there is something to say: most checks say nothing there.
  const stderr = io.stderr ?? { write: (chunk: string) => process.stderr.write(chunk) };
  return runCommand(checkCommand, args, commandContext({ ...io, stderr, ...(stdout ? { stdout } : {}) }));
}
