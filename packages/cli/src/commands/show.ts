import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatDocumentDetails } from '../format/document-details.js';
import { createPaint, wantsColor } from '../format/paint.js';
import { readableWidth } from '../format/width.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { alignmentViews } from '../store/alignment-view.js';
import { findDocument } from '../store/find-document.js';
import { withStore } from '../store/open-store.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show a stored document: metadata, versions, alignments, paragraphs with locators.',
  usage: `verbatim show <id> [--format text|json]

Shows a stored document (its latest version): its metadata, its versions, the
alignments linking it to other documents with their passages by status (on a team
server, also the pairs still pending for a worker, and those failed, with why), and its text
paragraph by paragraph with the locators citations use (III.6, ¶12) and, where the
corpus records it, how far each paragraph has been checked.

Options:
  --format text   for reading (the default)
  --format json   {"document", "versions", "alignments", "waiting"}, for scripts

Example:
  verbatim show joint-statement-2022-02-04`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(showCommand, {
      args,
      options: { format: { type: 'string', default: 'text' } },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    if (positionals.length !== 1) throw usageError(`expected 1 document id but got ${positionals.length}; usage: ${synopsis(showCommand)}.`);
    const id = positionals[0]!;

    const { document, versions, alignments, waiting } = await withStore(context, async (store) => {
      const found = await findDocument(store, id);
      return { document: found, versions: await store.versions(id), alignments: await alignmentViews(store, id), waiting: await store.waiting(id) };
    });

    if (format === 'json') {
      context.stdout.write(toJson({ document, versions, alignments, waiting }));
    } else {
      const paint = createPaint(wantsColor(context.stdout, context.env));
      context.stdout.write(formatDocumentDetails(document, versions, alignments, { paint, width: readableWidth(context.stdout), waiting }));
    }
    return 0;
  },
};
