import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/**
 * The engine that computed an alignment, stored beside it so that reports from an older
 * engine can be told apart (and recomputed with `realign`).
 */
export function engineVersion(): string {
  if (cached) return cached;
  const entry = createRequire(import.meta.url).resolve('@verbatim/core');
  let dir = path.dirname(entry);
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@verbatim/core') return (cached = `${pkg.name}@${pkg.version ?? '0.0.0'}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = '@verbatim/core@unknown');
    dir = parent;
  }
}
