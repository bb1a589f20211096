import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/**
 * The engine this process aligns with, named as the store records it (`@verbatim/core@x.y.z`).
 * The store computes the same string but does not export it, hence this copy: the core's
 * exports map hides its package.json, so it is found by walking up from the entry point.
 */
export function runningEngineVersion(): string {
  if (cached) return cached;
  let dir = path.dirname(createRequire(import.meta.url).resolve('@verbatim/core'));
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
