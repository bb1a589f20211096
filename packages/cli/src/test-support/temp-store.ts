import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliResult } from './run-cli.js';

export interface TempStore {
  /** The temporary folder: the database lives here, and so can test files. */
  dir: string;
  database: string;
  /** Runs `verbatim` against this database (and, by default, the repository's corpus). */
  run(args: readonly string[], options?: { cwd?: string; env?: Record<string, string> }): CliResult;
  /** Runs `verbatim … --format json` (or `export`), expects success, and parses stdout. */
  json<T = unknown>(args: readonly string[], options?: { env?: Record<string, string> }): T;
  remove(): void;
}

/**
 * A database in a fresh temporary folder, named by VERBATIM_DB in every run: tests never
 * touch the real data/verbatim.db.
 */
export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-store-cli-'));
  const database = join(dir, 'verbatim.db');
  const run: TempStore['run'] = (args, options = {}) =>
    runCli(args, { ...options, env: { VERBATIM_DB: database, ...options.env } });
  return {
    dir,
    database,
    run,
    json<T>(args: readonly string[], options = {}) {
      const result = run(args, options);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return JSON.parse(result.stdout) as T;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Exit status, nothing on stdout, and one sentence on stderr after the command's name: no stack trace. */
export function expectRefusal(result: CliResult, command: string, status: 1 | 2, pattern: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`^verbatim ${command}: [^\\n]+\\.\\n$`));
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status).toBe(status);
}
