import { checkCommand } from '../commands/check.js';
import { commandContext, runCommand, type MainIO } from '../run-command.js';

/**
 * `verbatim check <args>`, as `main` runs it, without the other commands: the entry of the
 * one-file bundle (dist/check.cjs, made by scripts/bundle-check.mjs) that bin/verbatim.js
 * runs for `check`, the command run as a linter on every save.
 */
export function check(args: string[], io: MainIO = {}): Promise<number> {
  return runCommand(checkCommand, args, commandContext(io));
}
