/**
 * Where the pages' API comes from. Run by apps/server, the app gets the server's own Hono app
 * with each request (server.js puts its `fetch` on the Node request, which adapter-node hands
 * over as `platform.req`): one process, one store, one set of checks, and two servers in one
 * process (tests) each serve their own. Run on its own (vite dev, vite preview, the built
 * handler mounted elsewhere), the app opens an API of its own on the database apps/server
 * would use: VERBATIM_DB (a relative path is the user's, relative to the working directory),
 * else data/verbatim.db under the repository root, with its corpus/ (or the PostgreSQL database
 * VERBATIM_DATABASE_URL names).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '$env/dynamic/private';
import type { ApiFetch } from './api';

/** The key server.js puts the host's API under (Symbol.for: the same key in both modules). */
const API_KEY = Symbol.for('verbatim.api');

let own: Promise<ApiFetch> | undefined;

/** The host's API when it gave one, else (`own: true`) one opened for this process. */
export async function hostApi(platform: App.Platform | undefined): Promise<{ fetch: ApiFetch; own: boolean }> {
  const given = (platform?.req as (IncomingMessage & { [API_KEY]?: ApiFetch }) | undefined)?.[API_KEY];
  if (given) return { fetch: given, own: false };
  own ??= openOwnApi();
  return { fetch: await own, own: true };
}

async function openOwnApi(): Promise<ApiFetch> {
  // Imported only here, so that a host that hands its API over never loads a second copy.
  const { openApp } = await import('@verbatim/api');
  const root = repositoryRoot();
  const { app } = await openApp({
    dbPath: env.VERBATIM_DB ? resolve(env.VERBATIM_DB) : join(root, 'data', 'verbatim.db'),
    corpusDir: join(root, 'corpus'),
    ...(env.VERBATIM_DATABASE_URL ? { databaseUrl: env.VERBATIM_DATABASE_URL } : {}),
    ...(env.VERBATIM_TOKEN ? { token: env.VERBATIM_TOKEN } : {}),
  });
  return (request) => app.fetch(request);
}

/**
 * The folder holding the workspace's package.json. Searched from the working directory and
 * from this module, because the built app lives in apps/web/build while `vite dev` runs from
 * source, and either may be started from the root or from apps/web.
 */
function repositoryRoot(): string {
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
