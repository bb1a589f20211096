import { MAX_LIST_LIMIT, type DocumentKind, type DocumentOrder, type DocumentSummary, type ListPosition, type Store } from '@verbatim/store';
import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatDocumentTable } from '../format/document-table.js';
import { createPaint, wantsColor } from '../format/paint.js';
import { terminalColumns } from '../format/width.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { withStore } from '../store/open-store.js';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the stored documents: id, kind, date, passages linking them, title.',
  usage: `verbatim list [--kind source|commentary] [--newest] [--limit N] [--format text|json]

Lists the stored documents (each one's latest version): id, kind, date, how many aligned
passages link it to other documents, and title, cut to the terminal's width. Sources come
first, then by date (oldest first), title and id; every document unless --limit says
otherwise, read from the store a page at a time.

Options:
  --kind KIND     only sources, or only commentaries
  --newest        newest first (oldest first without it); undated documents last either way
  --limit N       the first N documents only, and how many there are in all (on stderr)
  --format text   a table (the default)
  --format json   an array of documents with all their metadata, for scripts`,

  async run(args, context) {
    const { values } = parseCommandArgs(listCommand, {
      args,
      options: {
        kind: { type: 'string' },
        newest: { type: 'boolean', default: false },
        limit: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    const format = parseOutputFormat(values.format);
    const kind = parseKind(values.kind);
    const order: DocumentOrder = values.newest ? '-date' : 'date';
    const limit = values.limit === undefined ? undefined : parseLimit(values.limit);
    const { documents, total } = await withStore(context, (store) => listed(store, { kind, order, limit }));
    if (format === 'json') {
      context.stdout.write(toJson(documents));
    } else if (total === 0) {
      context.stdout.write(
        kind === undefined
          ? 'No documents are stored yet; add one with "verbatim add <file> --kind source|commentary".\n'
          : `No ${kind === 'source' ? 'sources' : 'commentaries'} are stored yet; add one with "verbatim add <file> --kind ${kind}".\n`,
      );
    } else {
      const paint = createPaint(wantsColor(context.stdout, context.env));
      context.stdout.write(formatDocumentTable(documents, { paint, width: terminalColumns(context.stdout) }));
    }
    if (documents.length < total) {
      context.stderr.write(`verbatim list: ${documents.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} documents shown; give a larger --limit, or none, for more.\n`);
    }
    return 0;
  },
};

/**
 * The documents asked for, a page of the store at a time: every one, or the first `limit`;
 * and how many there are in all.
 */
async function listed(
  store: Store,
  { kind, order, limit }: { kind: DocumentKind | undefined; order: DocumentOrder; limit: number | undefined },
): Promise<{ documents: DocumentSummary[]; total: number }> {
  const documents: DocumentSummary[] = [];
  let after: ListPosition | null = null;
  let total = 0;
  do {
    const left = limit === undefined ? MAX_LIST_LIMIT : Math.min(MAX_LIST_LIMIT, limit - documents.length);
    const page = await store.listPage({ order, limit: left, ...(kind ? { kind } : {}), ...(after ? { after } : {}) });
    documents.push(...page.documents);
    total = page.total;
    after = page.next;
  } while (after !== null && (limit === undefined || documents.length < limit));
  return { documents, total };
}

function parseKind(value: string | undefined): DocumentKind | undefined {
  if (value === undefined || value === 'source' || value === 'commentary') return value;
  throw usageError(`--kind takes source or commentary, not ${JSON.stringify(value)}.`);
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1) throw usageError(`--limit takes a whole number of documents, at least 1, not ${JSON.stringify(value)}.`);
  return limit;
}
