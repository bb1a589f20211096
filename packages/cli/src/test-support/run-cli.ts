import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Paths found from this file, so the tests run from any working folder. */
const cliRoot = fileURLToPath(new URL('../../', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const corpusDir = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

/** The report schema, as @verbatim/core ships it (a copy of the shared contract). */
export function findReportSchema(): string {
  return createRequire(import.meta.url).resolve('@verbatim/core/alignment-report.schema.json');
}
const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `verbatim` exactly as a user would, in a child process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(new URL('../../dist/main.js', import.meta.url))) {
    throw new Error(`The CLI is not built: run "npm run build -w @verbatim/cli" in ${repoRoot} first.`);
  }
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env?.VERBATIM_DEBUG) delete env.VERBATIM_DEBUG;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? cliRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
