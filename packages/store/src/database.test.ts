import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, writeTransaction } from './database.js';
import { StoreError } from './errors.js';
import { tempDbPath } from './test-support/temp.js';

describe('openDatabase', () => {
  it('creates missing folders and turns on WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
    db.close();
  });
});

describe('writeTransaction', () => {
  it('turns waiting too long for another writer into a StoreError', () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('busy_timeout = 20');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => writeTransaction(db, () => db.exec('INSERT INTO t VALUES (1)'))).toThrow(StoreError);
      expect(() => writeTransaction(db, () => undefined)).toThrow(/^The corpus is busy with another change; try again/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (1)').run().changes)).toBe(1);
    db.close();
  });
});
