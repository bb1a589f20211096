import { align, splitParagraphs, type AlignOptions } from '@verbatim/core';
import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { readSiblingMetadata } from '../document-metadata.js';
import { formatTextReport } from '../format/text-report.js';
import { wantsColor } from '../format/paint.js';
import { readableWidth } from '../format/width.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { readDocument, type TextDocument } from '../read-document.js';

export const alignCommand: Command = {
  name: 'align',
  summary: 'Show how a commentary quotes a source: passages, differences, omissions.',
  usage: `verbatim align <source-file> <commentary-file> [--format json|text]

Aligns a commentary (an op-ed, a news story) with the source it quotes (a joint
statement, a speech) and prints the alignment report.

Options:
  --format text   a summary to read in a terminal (the default)
  --format json   the AlignmentReport, valid against alignment-report.schema.json

Both files must be UTF-8 text of at most 5 MB. When a file has a metadata file beside it
(x.en.txt and x.en.meta.json, as in corpus/), its id and title go into the report.

Example:
  verbatim align corpus/joint-statement-2022-02-04.en.txt \\
    corpus/op-ed-expanding-sino-russian-cooperation.txt --format json`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(alignCommand, {
      args,
      options: { format: { type: 'string', default: 'text' } },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    if (positionals.length !== 2) {
      throw usageError(`expected 2 files, a source and a commentary, but got ${positionals.length}; usage: ${synopsis(alignCommand)}.`);
    }
    const [sourceName, commentaryName] = positionals as [string, string];
    const source = await readDocument(sourceName, { cwd: context.cwd });
    const commentary = await readDocument(commentaryName, { cwd: context.cwd });

    const report = align(source.text, commentary.text, await alignOptions(source, commentary));

    context.stdout.write(
      format === 'json'
        ? toJson(report)
        : formatTextReport(report, {
            sourceName,
            commentaryName,
            sourceParagraphs: splitParagraphs(source.text),
            commentaryParagraphs: splitParagraphs(commentary.text),
            color: wantsColor(context.stdout, context.env),
            width: readableWidth(context.stdout),
          }),
    );
    return 0;
  },
};

async function alignOptions(source: TextDocument, commentary: TextDocument): Promise<AlignOptions> {
  const [sourceMeta, commentaryMeta] = await Promise.all([readSiblingMetadata(source.path), readSiblingMetadata(commentary.path)]);
  const options: AlignOptions = {};
  if (sourceMeta.id) options.sourceId = sourceMeta.id;
  if (sourceMeta.title) options.sourceTitle = sourceMeta.title;
  if (commentaryMeta.id) options.commentaryId = commentaryMeta.id;
  if (commentaryMeta.title) options.commentaryTitle = commentaryMeta.title;
  return options;
}
