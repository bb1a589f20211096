/**
 * The corpus store the pages read and write. When apps/server runs the app it has already
 * opened the store (and loaded the corpus): the pages use that one, so that a process never
 * holds two connections writing to one database. It comes with each request (server.js puts
 * it on the Node request, which adapter-node hands over as `platform.req`), so that two
 * servers in one process (tests) each serve their own; failing that, from
 * globalThis.__verbatimStore. Run on its
 * own (vite dev, vite preview, the built handler mounted elsewhere), the app opens its own,
 * at the same place apps/server would: VERBATIM_DB (a relative path is the user's, relative to
 * the working directory), else data/verbatim.db under the repository root, with its corpus/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '$env/dynamic/private';
import { openStore, type Store } from '@verbatim/store';

let own: Store | undefined;

/** Where server.js puts the host's store on a request (Symbol.for: the same key in both copies). */
const STORE_KEY = Symbol.for('verbatim.store');

export function getStore(platform?: App.Platform): Store {
  const given = (platform?.req as { [STORE_KEY]?: Store } | undefined)?.[STORE_KEY];
  if (given) return given;
  const shared = globalThis.__verbatimStore;
  if (shared) return shared;
  own ??= openOwnStore();
  return own;
}

function openOwnStore(): Store {
  const root = repositoryRoot();
  const path = env.VERBATIM_DB ? resolve(env.VERBATIM_DB) : join(root, 'data', 'verbatim.db');
  return openStore({ path, corpusDir: join(root, 'corpus') });
}

/**
 * The folder holding the workspace's package.json. Searched from the working directory and
 * from this module, because the built app lives in apps/web/build while `vite dev` runs from
 * source, and either may be started from the root or from apps/web.
 */
export function repositoryRoot(): string {
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (isWorkspaceRoot(dir)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return process.cwd();
}

function isWorkspaceRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest) || !existsSync(join(dir, 'corpus'))) return false;
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
    return Array.isArray(json.workspaces);
  } catch {
    return false;
  }
}
