import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-store-'));
  made.push(dir);
  return dir;
}

/** A database path inside a fresh temp folder, one level down so that folder creation is exercised. */
export function tempDbPath(): string {
  return path.join(tempDir(), 'data', 'verbatim.db');
}
