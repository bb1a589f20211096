import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../cli-error.js';

/** Relative to the folder the command runs in, as SPEC §1 says. */
export const DEFAULT_DATABASE = 'data/verbatim.db';

/**
 * The repository's `corpus/`, found from this file rather than the working folder, so
 * `npx verbatim` loads the same corpus from any folder. Built, this file is
 * packages/cli/dist/store/locations.js; under Vitest, packages/cli/src/store/locations.ts:
 * the same depth.
 */
const BUNDLED_CORPUS = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

export interface StoreLocations {
  /** The SQLite file. */
  database: string;
  /** The corpus folder loaded at open, or undefined to load none. */
  corpus: string | undefined;
  /** A PostgreSQL URL holding the corpus instead of the SQLite file, or undefined for the file. */
  databaseUrl: string | undefined;
}

/**
 * Where the database and the corpus are: `VERBATIM_DB` or data/verbatim.db, and
 * `VERBATIM_CORPUS` or the repository's corpus (an empty VERBATIM_CORPUS loads none), and
 * `VERBATIM_DATABASE_URL`, a PostgreSQL server to keep the corpus in instead of the file.
 */
export function storeLocations(env: Readonly<Record<string, string | undefined>>, cwd: string): StoreLocations {
  return {
    database: resolve(cwd, env.VERBATIM_DB || DEFAULT_DATABASE),
    corpus: corpusFolder(env.VERBATIM_CORPUS, cwd),
    // Set but empty is as good as unset, as for VERBATIM_DB.
    databaseUrl: env.VERBATIM_DATABASE_URL || undefined,
  };
}

function corpusFolder(setting: string | undefined, cwd: string): string | undefined {
  if (setting === '') return undefined;
  if (setting === undefined) {
    // Installed outside the repository, there is no bundled corpus to load: that is not an error.
    return isFolder(BUNDLED_CORPUS) ? BUNDLED_CORPUS : undefined;
  }
  const folder = resolve(cwd, setting);
  if (!isFolder(folder)) {
    throw inputError(`VERBATIM_CORPUS names ${JSON.stringify(setting)}, which is not a folder; set it to the corpus folder, or to nothing to load no corpus.`);
  }
  return folder;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
