import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { alignmentReports } from '../store/alignment-view.js';
import { findDocument } from '../store/find-document.js';
import { withStore } from '../store/open-store.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Print a stored document and its alignments as JSON.',
  usage: `verbatim export <id>

Prints, as JSON on stdout, a stored document (its latest version: text, metadata,
paragraphs with locators, emphasis spans), its versions, and every alignment linking it
to another document with the full AlignmentReport (SPEC §2):
{"document", "versions", "alignments": [{"source", "commentary", …, "report"}]}.

Example:
  verbatim export op-ed-expanding-sino-russian-cooperation > op-ed.json`,

  async run(args, context) {
    const { positionals } = parseCommandArgs(exportCommand, { args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw usageError(`expected 1 document id but got ${positionals.length}; usage: ${synopsis(exportCommand)}.`);
    const id = positionals[0]!;
    const exported = await withStore(context, async (store) => ({
      document: await findDocument(store, id),
      versions: await store.versions(id),
      alignments: await alignmentReports(store, id),
    }));
    context.stdout.write(toJson(exported));
    return 0;
  },
};
