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
  usage: `verbatim list [--format text|json]

Lists every stored document (its latest version): id, kind, date, how many aligned
passages link it to other documents, and title, cut to the terminal's width.

Options:
  --format text   a table (the default)
  --format json   an array of documents with all their metadata, for scripts`,

  async run(args, context) {
    const { values } = parseCommandArgs(listCommand, {
      args,
      options: { format: { type: 'string', default: 'text' } },
    });
    const format = parseOutputFormat(values.format);
    const documents = await withStore(context, (store) => store.list());
    if (format === 'json') {
      context.stdout.write(toJson(documents));
    } else if (documents.length === 0) {
      context.stdout.write('No documents are stored yet; add one with "verbatim add <file> --kind source|commentary".\n');
    } else {
      const paint = createPaint(wantsColor(context.stdout, context.env));
      context.stdout.write(formatDocumentTable(documents, { paint, width: terminalColumns(context.stdout) }));
    }
    return 0;
  },
};
