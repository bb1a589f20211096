import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { createPaint, wantsColor } from '../format/paint.js';
import { formatVerification } from '../format/verification.js';
import { readableWidth } from '../format/width.js';
import { inputFormatOf } from '../input-format.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { readDocument } from '../read-document.js';
import { findDocument } from '../store/find-document.js';
import { withStore } from '../store/open-store.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a stored document against an official copy, paragraph by paragraph.',
  usage: `verbatim verify <document-id> <official-copy-file> [--apply] [--input-format text|markdown|html] [--format text|json]

Aligns an official copy of a document (text, Markdown, or a page saved from the issuer's
website as HTML) with our stored text and prints, paragraph by paragraph with locators,
every difference word by word (official → ours) with its category, the paragraphs either
side lacks, and a summary.

It changes nothing unless asked:
  --apply   stores the official text as a new version of the document (the old version
            is kept), marks every paragraph confirmed against the copy's SHA-256 and
            today's date, and aligns the commentaries again with the new version

On a team server's PostgreSQL corpus the command compares here too, before it answers
(the API leaves verifying to the workers instead).

Example:
  verbatim verify joint-statement-2022-02-04 kremlin-page.html`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(verifyCommand, {
      args,
      options: {
        apply: { type: 'boolean', default: false },
        'input-format': { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    if (positionals.length !== 2) {
      throw usageError(`expected a document id and an official copy, but got ${positionals.length} arguments; usage: ${synopsis(verifyCommand)}.`);
    }
    const [id, fileName] = positionals as [string, string];
    const inputFormat = inputFormatOf(fileName, values['input-format']);
    const copy = await readDocument(fileName, { cwd: context.cwd });

    const result = await withStore(context, async (store) => {
      await findDocument(store, id);
      const verified = await store.verify(id, { text: copy.text, format: inputFormat }, { apply: values.apply === true });
      // The command's own store compares here, on PostgreSQL too (it leaves no work to the workers), and the document was found.
      if (!verified || 'queued' in verified) throw new Error(`the store did not verify "${id}" itself`);
      return verified;
    });

    if (format === 'json') {
      context.stdout.write(toJson(result));
    } else {
      const paint = createPaint(wantsColor(context.stdout, context.env));
      context.stdout.write(formatVerification(result, { paint, width: readableWidth(context.stdout), copyName: copy.name }));
    }
    return 0;
  },
};
