import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';
import { StoreError } from './errors.js';

/**
 * Copies the database to `file` with SQLite's online backup: a consistent snapshot even
 * while a server writes to it (the backup restarts on pages changed under it). Written to
 * a temporary file first and renamed, so `file` is either the old backup or the new one.
 */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new StoreError('invalid', `The backup file ${file} is a folder; name a file.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('open', `Cannot write the backup to ${file}: ${reason}.`, { cause: error });
  }
  return { file: target, bytes: fs.statSync(target).size };
}
