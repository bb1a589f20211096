import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddInput, BatchItem, DocumentFormat, DocumentKind } from '@verbatim/store';
import { inputError, usageError } from '../cli-error.js';
import type { CommandContext } from '../command.js';
import { toJson, type OutputFormat } from '../output-format.js';
import { withStore } from '../store/open-store.js';

/**
 * Documents per transaction: one commit (one fsync) for this many. Each batch rewrites the
 * pages of the shingle index its rows fall in, which soon is all of them: fewer, larger
 * batches rewrite it less often (the check bench's 10,000 sources: 8.5 s of CPU in batches
 * of 500, 7.7 s in batches of 1,000), and two batches of this many are in memory at once.
 */
export const DEFAULT_BATCH = 1000;

const FORMAT_OF_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

const LINE_FIELDS = ['title', 'date', 'url', 'author', 'issuer', 'language', 'licence', 'provenance', 'id'] as const;

/** One document to load, and what to call it when telling the user about it. */
interface Pending {
  label: string;
  input: AddInput | { refused: string };
  bytes: number;
}

export interface BulkSummary {
  added: number;
  newVersions: number;
  existing: number;
  refused: Array<{ what: string; reason: string }>;
  batches: number;
  bytes: number;
  seconds: number;
}

export interface BulkOptions {
  kind: DocumentKind | undefined;
  batch: number;
  format: OutputFormat;
  metadata: Partial<Record<(typeof LINE_FIELDS)[number], string>>;
}

/**
 * `verbatim add <folder>` and `verbatim add --jsonl <file>`: many documents, in batches of
 * one transaction each, with a progress bar on a terminal and a summary at the end. A
 * document the store refuses is listed with its reason and the load goes on; a load that is
 * interrupted keeps every batch that committed (adding the same texts again adds nothing).
 */
export async function bulkAdd(source: { folder: string } | { jsonl: string }, options: BulkOptions, context: CommandContext): Promise<number> {
  const { items, total, name } = 'folder' in source ? await folderItems(source.folder, options, context) : await jsonlItems(source.jsonl, options, context);
  const summary = await withStore(context, async (store, progress) => {
    const started = performance.now();
    const result: BulkSummary = { added: 0, newVersions: 0, existing: 0, refused: [], batches: 0, bytes: 0, seconds: 0 };
    let done = 0;
    let batch: Pending[] = [];
    const tally = (written: Pending[], stored: Pending[], answers: BatchItem[]) => {
      const byPending = new Map<Pending, BatchItem>(stored.map((p, i) => [p, answers[i]!]));
      for (const p of written) {
        const answer = 'refused' in p.input ? ({ ok: false, reason: p.input.refused } as const) : byPending.get(p)!;
        if (!answer.ok) result.refused.push({ what: p.label, reason: answer.reason });
        else if (answer.outcome === 'added') result.added += 1;
        else if (answer.outcome === 'new-version') result.newVersions += 1;
        else result.existing += 1;
        result.bytes += p.bytes;
      }
      done += written.length;
      result.batches += 1;
      progress.update('Loading', done, total);
    };
    // The batch before this one, until it has been written and counted. One batch is written
    // while the next is read and prepared (two cores at work, two batches in memory at most).
    let writing: Promise<void> | undefined;
    const flush = async () => {
      if (batch.length === 0) return;
      const written = batch;
      batch = [];
      const stored = written.filter((p): p is Pending & { input: AddInput } => !('refused' in p.input));
      // Given to the store before the last batch has answered: the store prepares it meanwhile.
      const answered = stored.length > 0 ? store.addBatch(stored.map((p) => p.input)) : Promise.resolve([]);
      const previous = writing;
      // Counted in the order the batches were given, once the one before is counted.
      writing = (async () => {
        const answers = await answered;
        await previous;
        tally(written, stored, answers);
      })();
      // Awaited below or at the end; never an unhandled rejection meanwhile.
      writing.catch(() => undefined);
      try {
        await previous;
      } catch (error) {
        // The load stops; the batch given meanwhile is let finish (committed whole or not at all).
        await writing.catch(() => undefined);
        throw error;
      }
    };
    progress.update('Loading', 0, total);
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= options.batch) await flush();
    }
    await flush();
    await writing;
    result.seconds = (performance.now() - started) / 1000;
    return result;
  });

  context.stdout.write(options.format === 'json' ? toJson(summary) : formatSummary(summary, name));
  return summary.refused.length === 0 ? 0 : 1;
}

function formatSummary(s: BulkSummary, name: string): string {
  const mb = s.bytes / 1e6;
  const count = s.added + s.newVersions + s.existing + s.refused.length;
  const lines = [
    `Loaded ${name}: ${count.toLocaleString('en-US')} document${count === 1 ? '' : 's'} in ${s.batches} batch${s.batches === 1 ? '' : 'es'} (${mb.toFixed(1)} MB in ${s.seconds.toFixed(1)} s, ${(mb / Math.max(s.seconds, 1e-6)).toFixed(1)} MB/s)`,
    `  added           ${s.added.toLocaleString('en-US')}`,
    ...(s.newVersions > 0 ? [`  new versions    ${s.newVersions.toLocaleString('en-US')}`] : []),
    `  already stored  ${s.existing.toLocaleString('en-US')}`,
    `  refused         ${s.refused.length.toLocaleString('en-US')}`,
  ];
  if (s.refused.length > 0) lines.push('', 'Refused:', ...s.refused.map((r) => `  ${r.what}: ${r.reason}`));
  return `${lines.join('\n')}\n`;
}

async function folderItems(folder: string, options: BulkOptions, context: CommandContext) {
  if (!options.kind) throw usageError('say what the documents are with --kind source or --kind commentary.');
  const kind = options.kind;
  const root = resolve(context.cwd, folder);
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && FORMAT_OF_EXTENSION[extname(e.name).toLowerCase()] !== undefined)
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  if (files.length === 0) throw inputError(`${JSON.stringify(folder)} holds no .txt, .md, .markdown, .html or .htm file to add.`);
  async function* items(): AsyncGenerator<Pending> {
    for (const file of files) {
      const label = relative(root, file);
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => error);
      if (bytes instanceof Error) {
        yield { label, input: { refused: `cannot be read (${bytes.code ?? bytes.message}).` }, bytes: 0 };
        continue;
      }
      const input: AddInput = { bytes, format: FORMAT_OF_EXTENSION[extname(file).toLowerCase()]!, kind, ...options.metadata };
      yield { label, input, bytes: bytes.byteLength };
    }
  }
  return { items: items(), total: files.length, name: `${folder.replace(/\/+$/, '')}/` };
}

async function jsonlItems(file: string, options: BulkOptions, context: CommandContext) {
  const path = resolve(context.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw inputError(`there is no file ${JSON.stringify(file)} to read documents from.`);
  // Counted first, so that the progress bar knows where the end is.
  let total = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) total += 1;
  async function* items(): AsyncGenerator<Pending> {
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      n += 1;
      if (line.trim() === '') continue;
      yield { label: `line ${n}`, input: lineInput(line, options), bytes: Buffer.byteLength(line) };
    }
  }
  return { items: items(), total: Math.max(total, 1), name: file };
}

/** One JSON object per line: `{"text", "kind"?, "format"?, "title"?, "date"?, …}`. */
function lineInput(line: string, options: BulkOptions): AddInput | { refused: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { refused: 'is not valid JSON; each line must be one object such as {"text": "…", "kind": "source"}.' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { refused: 'is not a JSON object with a "text".' };
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') return { refused: 'has no "text" string.' };
  const kind = o.kind ?? options.kind;
  if (kind === undefined) return { refused: 'says neither "kind" nor is --kind given: say "source" or "commentary".' };
  const input: AddInput = { text: o.text, kind: kind as DocumentKind, format: (o.format ?? 'text') as DocumentFormat, ...options.metadata };
  for (const key of LINE_FIELDS) if (typeof o[key] === 'string') input[key] = o[key] as string;
  return input;
}
