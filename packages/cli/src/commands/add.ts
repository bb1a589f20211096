import { fetchPage, type AddInput, type DocumentKind } from '@verbatim/store';
import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatAddResult } from '../format/add-result.js';
import { createPaint, wantsColor } from '../format/paint.js';
import { readableWidth } from '../format/width.js';
import { inputFormatOf } from '../input-format.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { readDocument } from '../read-document.js';
import { alignmentViews } from '../store/alignment-view.js';
import { bulkAdd, DEFAULT_BATCH } from './add-bulk.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withStore } from '../store/open-store.js';
import { fromStoreError } from '../store/store-error.js';

const KINDS: readonly DocumentKind[] = ['source', 'commentary'];

/** Metadata options, passed to the store as they are. */
const METADATA = ['title', 'date', 'url', 'author', 'issuer', 'language'] as const;

export const addCommand: Command = {
  name: 'add',
  summary: 'Store a document and align it with the corpus.',
  usage: `verbatim add <file|url> --kind source|commentary [--title … --date … --url … --author … --language …] [--format text|json]
       verbatim add <folder> --kind source|commentary [--batch N] [--format text|json]
       verbatim add --jsonl <file> [--kind source|commentary] [--batch N] [--format text|json]

Stores a document in the database and aligns it with the corpus: a commentary with
every stored source it quotes, a source with every stored commentary that quotes it.
Prints the document's id and version and the alignments made. Adding a text that is
already stored adds nothing and says so.

An http or https address instead of a file fetches the page (at most 5 MB, 5
redirects, 15 seconds; public addresses only unless VERBATIM_FETCH_PRIVATE=1) and
adds its article. An HTML page's title, author, date, canonical address and site,
from its meta tags and JSON-LD, fill the options not given.

A folder loads every .txt, .md, .markdown, .html and .htm file in it (and in its
subfolders); --jsonl loads one JSON object per line, {"text", "kind", "format"?, "title"?,
"date"?, "author"?, "issuer"?, "url"?, "language"?, "id"?}. Either is loaded in batches of
--batch documents (default ${DEFAULT_BATCH}), one transaction each, with a progress bar on a
terminal, then a summary: added, already stored, and refused with the reason, per file or
line. A refused document never stops the load (the exit status is then 1), and an
interrupted load keeps every batch that committed.

Options:
  --kind source|commentary   what the document is (required, except per line of --jsonl)
  --title <title>            default: an HTML page's own title, else its first line
  --date <YYYY[-MM[-DD]]>    when it was issued or published
  --url, --author, --issuer, --language <value>
                             where it comes from, who wrote or issued it, its language
  --id <id>                  the id to store it under; the id of a stored document with
                             another text adds a new version of it (default: from the title)
  --input-format text|markdown|html
                             how the file is written (default: from its extension, .txt,
                             .md, .markdown, .html or .htm); Markdown and HTML keep their
                             emphasis, so emphasis added inside a quotation shows exactly
  --format text|json         the output: a summary (the default) or JSON for scripts

The database is data/verbatim.db in the current folder unless VERBATIM_DB names another;
the corpus/ folder is loaded into it first (VERBATIM_CORPUS names another, or none when empty).

Examples:
  verbatim add op-ed.md --kind commentary --title "No limits?" --date 2022-02-10
  verbatim add https://example.org/2022/02/no-limits --kind commentary`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(addCommand, {
      args,
      options: {
        kind: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        url: { type: 'string' },
        author: { type: 'string' },
        issuer: { type: 'string' },
        language: { type: 'string' },
        id: { type: 'string' },
        'input-format': { type: 'string' },
        format: { type: 'string', default: 'text' },
        jsonl: { type: 'string' },
        batch: { type: 'string' },
      },
      allowPositionals: true,
    });
    // The whole command line is checked before any file is read or the database opened.
    const format = parseOutputFormat(values.format);
    const bulk = values.jsonl !== undefined || (positionals.length === 1 && (await isFolder(resolve(context.cwd, positionals[0]!))));
    if (bulk) {
      if (values.jsonl !== undefined && positionals.length > 0) throw usageError(`give either --jsonl <file> or a file or folder, not both; usage: ${synopsis(addCommand)}.`);
      const metadata: Record<string, string> = {};
      for (const key of ['date', 'url', 'author', 'issuer', 'language'] as const) if (values[key] !== undefined) metadata[key] = values[key];
      const options = { kind: values.kind === undefined ? undefined : parseKind(values.kind), batch: parseBatch(values.batch), format, metadata };
      return bulkAdd(values.jsonl !== undefined ? { jsonl: values.jsonl } : { folder: positionals[0]! }, options, context);
    }
    if (positionals.length !== 1) {
      throw usageError(`expected 1 file or address but got ${positionals.length}; usage: ${synopsis(addCommand)}.`);
    }
    const fileName = positionals[0]!;
    const kind = parseKind(values.kind);
    const input: AddInput = isAddress(fileName)
      ? await fetchInput(fileName, kind, values['input-format'], context.env)
      : await fileInput(fileName, kind, values['input-format'], context.cwd);
    for (const key of METADATA) if (values[key] !== undefined) input[key] = values[key];
    if (values.id !== undefined) input.id = values.id;

    const { added, alignments } = await withStore(context, async (store, progress) => {
      // Adding is one step (align, then store and index) that reports no progress of its own.
      progress.note(`Storing and aligning ${fileName}…`);
      let result;
      try {
        result = await store.add(input);
      } catch (error) {
        throw fromStoreError(error, { subject: JSON.stringify(fileName) });
      }
      return { added: result, alignments: await alignmentViews(store, result.id) };
    });

    if (format === 'json') {
      const { text: _text, paragraphs: _paragraphs, emphasis: _emphasis, outcome, ...document } = added;
      context.stdout.write(toJson({ outcome, document, alignments }));
    } else {
      const color = wantsColor(context.stdout, context.env);
      context.stdout.write(formatAddResult(added, alignments, { fileName, paint: createPaint(color), width: readableWidth(context.stdout) }));
    }
    return 0;
  },
};

/** What the user gave is a web address rather than a file name. */
function isAddress(name: string): boolean {
  return /^https?:\/\//i.test(name);
}

async function fileInput(fileName: string, kind: DocumentKind, inputFormat: string | undefined, cwd: string): Promise<AddInput> {
  const format = inputFormatOf(fileName, inputFormat);
  const file = await readDocument(fileName, { cwd });
  return { text: file.text, format, kind };
}

/** The page at an address, with the rule the server keeps: public addresses only, unless told. */
async function fetchInput(address: string, kind: DocumentKind, inputFormat: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<AddInput> {
  // A wrong --input-format is refused before anything is fetched.
  const given = inputFormat === undefined ? undefined : inputFormatOf(address, inputFormat);
  let page;
  try {
    page = await fetchPage(address, { allowPrivate: env.VERBATIM_FETCH_PRIVATE === '1' });
  } catch (error) {
    throw fromStoreError(error);
  }
  return { text: page.text, format: given ?? page.format, kind, pageUrl: page.url };
}

function parseKind(value: string | undefined): DocumentKind {
  if (value === undefined) {
    throw usageError(`say what the document is with --kind source or --kind commentary; usage: ${synopsis(addCommand)}.`);
  }
  const kind = KINDS.find((k) => k === value);
  if (!kind) throw usageError(`unknown kind ${JSON.stringify(value)}; use --kind source or --kind commentary.`);
  return kind;
}

function parseBatch(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100_000) throw usageError(`--batch takes a whole number from 1 to 100000, not ${JSON.stringify(value)}.`);
  return n;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
