import { existsSync } from 'node:fs';
import { digestCorpus, openStore, type CorpusDigest, type CorpusRecord, type Store } from '@verbatim/store';
import { inputError, usageError } from '../cli-error.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import type { Progress } from '../progress.js';
import { storeLocations } from '../store/locations.js';
import { withStore } from '../store/open-store.js';
import { fromStoreError } from '../store/store-error.js';

export const migrateToCommand: Command = {
  name: 'migrate-to',
  summary: 'Copy the SQLite corpus into an empty PostgreSQL database, and check the copy.',
  usage: `verbatim migrate-to <postgres-url>

Copies the corpus in the SQLite database (VERBATIM_DB, default data/verbatim.db; not
VERBATIM_DATABASE_URL) into the PostgreSQL database <postgres-url>, which must hold no
corpus yet: every version of every document with its paragraphs, their verification and
emphasis, the record of deleted documents, the metadata edited by hand, and every alignment
report with its passages, as they were made. Then it reads the copy back and compares counts and SHA-256s. The SQLite
file is left as it was. Stop the server first, so that nothing is added meanwhile; then set
VERBATIM_DATABASE_URL to the same URL. See "A team's PostgreSQL server" in README.md.

Example:
  verbatim migrate-to postgres://verbatim:secret@db.example.org/verbatim`,

  async run(args, context) {
    const { positionals } = parseCommandArgs(migrateToCommand, { args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) {
      throw usageError(`expected 1 PostgreSQL URL but got ${positionals.length}; usage: ${synopsis(migrateToCommand)}.`);
    }
    const url = positionals[0]!;
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw usageError(`"${redact(url)}" is not a PostgreSQL URL; give one such as postgres://user:password@host/database.`);
    }
    // The source is the SQLite file whatever VERBATIM_DATABASE_URL says: that is what moves.
    // It must be there already (opening a mistyped VERBATIM_DB would make a new file, load the
    // repository's corpus into it, and copy that as if it were the user's), and it is copied
    // as it is: no corpus folder is loaded into it first.
    const { database } = storeLocations(context.env, context.cwd);
    if (!existsSync(database)) {
      throw inputError(`there is no SQLite corpus at ${database} to copy; set VERBATIM_DB to the file the other commands use (data/verbatim.db by default).`);
    }
    const sqlite: CommandContext = { ...context, env: { ...context.env, VERBATIM_DATABASE_URL: undefined, VERBATIM_CORPUS: '' } };
    const { from, to, digest } = await withStore(sqlite, async (source, progress) => {
      const target = await openTarget(source.path, url);
      try {
        return { from: source.location, to: target.location, digest: await copy(source, target, progress) };
      } finally {
        await target.close();
      }
    });
    context.stdout.write(`Copied the corpus from ${from} to ${to}:\n${counts(digest)}\n`);
    context.stdout.write(`Checked: the copy, read back, has the same counts and SHA-256 (${digest.sha256.slice(0, 16)}…), and every text its own SHA-256.\n`);
    return 0;
  },
};

async function openTarget(path: string, databaseUrl: string): Promise<Store> {
  try {
    // No corpus folder: the copy brings the corpus, and the target must start empty.
    return await openStore({ path, databaseUrl });
  } catch (error) {
    throw fromStoreError(error);
  }
}

/** Digests the source, copies it, digests the copy: the two digests must be one. */
async function copy(source: Store, target: Store, progress: Progress): Promise<CorpusDigest> {
  const before = await digestCorpus(source.exportCorpus());
  if (before.mismatched.length > 0) {
    throw inputError(`the SQLite corpus itself is damaged: ${before.mismatched[0]} does not have the SHA-256 it was stored under, so nothing was copied.`);
  }
  const total = before.versions + before.alignments + before.deletions;
  await target.importCorpus(counted(source.exportCorpus(), (done) => progress.update('Copying', done, total)));
  progress.update('Checking the copy', 0, 1);
  const after = await digestCorpus(target.exportCorpus());
  progress.clear();
  const { mismatched: _, ...expected } = before;
  const { mismatched, ...found } = after;
  const differs = (Object.keys(expected) as Array<keyof CorpusDigest>).find((k) => expected[k] !== found[k]);
  if (differs || mismatched.length > 0) {
    throw inputError(
      `the copy in ${target.location} does not read back as the SQLite corpus (${differs ? `${differs}: ${String(found[differs])} against ${String(expected[differs])}` : `${mismatched[0]} has another SHA-256`}); empty that database and run migrate-to again.`,
    );
  }
  return before;
}

async function* counted(records: AsyncIterable<CorpusRecord>, onRecord: (done: number) => void): AsyncGenerator<CorpusRecord> {
  let done = 0;
  for await (const record of records) {
    yield record;
    onRecord(++done);
  }
}

function counts(d: CorpusDigest): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  return [
    `  ${n(d.documents, 'document')}, ${n(d.versions, 'version')}, ${n(d.paragraphs, 'paragraph')} (${d.verified.toLocaleString('en-US')} with a verification status), ${n(d.emphasis, 'emphasis span')}`,
    `  ${n(d.alignments, 'alignment')} with ${n(d.passages, 'passage')}, ${n(d.deletions, 'deleted document')} remembered, ${n(d.edits, 'metadata field')} edited by hand`,
  ].join('\n');
}

/** A URL as a message may show it: without its password. */
function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1@');
}
