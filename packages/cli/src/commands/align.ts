import { splitParagraphs } from '@verbatim/core';
import { alignDocuments, ingestText, type AlignableDocument, type DocumentFormat } from '@verbatim/store';
import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { readSiblingMetadata } from '../document-metadata.js';
import { formatTextReport } from '../format/text-report.js';
import { inputFormatOf } from '../input-format.js';
import { wantsColor } from '../format/paint.js';
import { readableWidth } from '../format/width.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { readDocument, type TextDocument } from '../read-document.js';
import { fromStoreError } from '../store/store-error.js';

export const alignCommand: Command = {
  name: 'align',
  summary: 'Show how a commentary quotes a source: passages, differences, omissions.',
  usage: `verbatim align <source-file> <commentary-file> [--input-format text|markdown|html] [--format json|text]

Aligns a commentary (an op-ed, a news story) with the source it quotes (a joint
statement, a speech) and prints the alignment report.

Options:
  --format text   a summary to read in a terminal (the default)
  --format json   the AlignmentReport, valid against alignment-report.schema.json
  --input-format text|markdown|html
                  how both files are written (default: from each extension, .txt, .md,
                  .markdown, .html or .htm); Markdown and HTML are read as \`verbatim add\`
                  reads them, keeping their emphasis, so a file gives the same report here,
                  in the store and on the web page
  --source-format, --commentary-format text|markdown|html
                  the same for one of the two files

Both files must be UTF-8 of at most 5 MB. When a file has a metadata file beside it
(x.en.txt and x.en.meta.json, as in corpus/), its id and title go into the report.

Example:
  verbatim align corpus/joint-statement-2022-02-04.en.txt \\
    corpus/op-ed-expanding-sino-russian-cooperation.txt --format json`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(alignCommand, {
      args,
      options: {
        format: { type: 'string', default: 'text' },
        'input-format': { type: 'string' },
        'source-format': { type: 'string' },
        'commentary-format': { type: 'string' },
      },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    if (positionals.length !== 2) {
      throw usageError(`expected 2 files, a source and a commentary, but got ${positionals.length}; usage: ${synopsis(alignCommand)}.`);
    }
    const given = {
      source: values['source-format'] ?? values['input-format'],
      commentary: values['commentary-format'] ?? values['input-format'],
    };
    // An unknown format is refused before any file is read.
    for (const format of Object.values(given)) if (format !== undefined) inputFormatOf('', format);
    const [sourceName, commentaryName] = positionals as [string, string];
    // Read before their formats are decided, so that a binary or missing file is named as such.
    const source = await readDocument(sourceName, { cwd: context.cwd });
    const commentary = await readDocument(commentaryName, { cwd: context.cwd });
    const [sourceText, commentaryText] = [
      ingested(source, inputFormatOf(sourceName, given.source)),
      ingested(commentary, inputFormatOf(commentaryName, given.commentary)),
    ];

    const report = alignDocuments(...(await withMetadata(source, sourceText, commentary, commentaryText)));

    context.stdout.write(
      format === 'json'
        ? toJson(report)
        : formatTextReport(report, {
            sourceName,
            commentaryName,
            sourceParagraphs: splitParagraphs(sourceText.text),
            commentaryParagraphs: splitParagraphs(commentaryText.text),
            color: wantsColor(context.stdout, context.env),
            width: readableWidth(context.stdout),
          }),
    );
    return 0;
  },
};

/** The file's text as the store would keep it (Markdown and HTML rendered), or its refusal in one sentence. */
function ingested(file: TextDocument, format: DocumentFormat): AlignableDocument {
  try {
    return ingestText(file.text, format);
  } catch (error) {
    throw fromStoreError(error, { subject: JSON.stringify(file.name) });
  }
}

async function withMetadata(
  source: TextDocument,
  sourceText: AlignableDocument,
  commentary: TextDocument,
  commentaryText: AlignableDocument,
): Promise<[AlignableDocument, AlignableDocument]> {
  const [sourceMeta, commentaryMeta] = await Promise.all([readSiblingMetadata(source.path), readSiblingMetadata(commentary.path)]);
  const named = (doc: AlignableDocument, meta: { id?: string | undefined; title?: string | undefined }): AlignableDocument => ({
    ...doc,
    ...(meta.id ? { id: meta.id } : {}),
    ...(meta.title ? { title: meta.title } : {}),
  });
  return [named(sourceText, sourceMeta), named(commentaryText, commentaryMeta)];
}
