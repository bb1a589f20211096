import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CheckResult } from '@verbatim/store/checker';
import { CliError, ExitCode, usageError } from '../cli-error.js';
import type { Command, CommandContext } from '../command.js';
import { isGenuine } from '../format/status-words.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { storeLocations } from '../store/locations.js';

/** The store's limit for a text to check (MAX_CHECK_BYTES), known here without loading the store. */
const MAX_CHECK_BYTES = 100 * 1024;
/** An argument that looks like a file name, not like a sentence. */
const LOOKS_LIKE_FILE = /^[^\s"“”'‘’«»]+\.(?:txt|text|md|markdown|html?)$|^[^\s]*[/\\][^\s]*$/i;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check every quotation of a text against the whole corpus (nothing is stored).',
  usage: `verbatim check "<text>" | - | <file> [--input-format text|markdown|html] [--format text|json]

Finds every quotation (and unmarked borrowing of eight words or more) in a text and, for
each, the best source passage in the whole corpus: its verdict (verbatim, variant,
altered, not found), the source and locator, the words changed, added or left out, and
what the quotation cut off. Nothing is stored. Give the text itself, - to read it from
standard input, or a UTF-8 file; at most 100 KB. A Markdown or HTML file (.md, .markdown,
.html, .htm) is read as \`verbatim add\` and \`verbatim align\` read it: the page's text,
not its tags, menus or footnote numbers.

Exit status: 0 when every quotation is genuine (verbatim or variant), 1 when one is
altered, paraphrased or not found, 2 on bad input — so it can lint quotations in a
script or an editor.

Options:
  --format text   for reading (the default)
  --format json   the verdicts, as POST /api/check gives them (without citations)
  --input-format text|markdown|html
                  how to read the text (default: a file's extension; text otherwise)

Examples:
  verbatim check "Russia and China said their friendship has 'no limits'"
  pbpaste | verbatim check -
  verbatim check draft.txt --format json`,
  failureStatus: ExitCode.usage,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(checkCommand, {
      args,
      options: { format: { type: 'string', default: 'text' }, 'input-format': { type: 'string' } },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    const given = values['input-format'];
    // An unknown format is refused before anything is read.
    if (given !== undefined) await import('../input-format.js').then(({ inputFormatOf }) => inputFormatOf('', given));
    const input = await readInput(positionals, context);
    const text = await asPlainText(input, given);
    const { timing: _timing, ...result } = await check(text, context);
    context.stdout.write(format === 'json' ? toJson(result) : await textReport(result, context));
    return result.passages.every((p) => isGenuine(p.status)) ? ExitCode.ok : 1;
  },
};

/**
 * The verdicts as a person reads them. Its formatters are imported only for it: `--format
 * json`, what an editor's pipeline reads, loads none of them.
 */
async function textReport(result: Omit<CheckResult, 'timing'>, context: CommandContext): Promise<string> {
  const [{ formatCheckReport }, { wantsColor }, { readableWidth }] = await Promise.all([
    import('../format/check-report.js'),
    import('../format/paint.js'),
    import('../format/width.js'),
  ]);
  return formatCheckReport(result, { color: wantsColor(context.stdout, context.env), width: readableWidth(context.stdout) });
}

interface Input {
  text: string;
  /** The file it came from, whose extension tells its format. */
  fileName?: string;
}

/**
 * What a reader of the text sees: Markdown and HTML through the store's ingestion, as `add`
 * and `align` read them, so a saved page's menus and tags are not taken for quotations.
 * Plain text, a linter's usual input, loads none of it.
 */
async function asPlainText(input: Input, given: string | undefined): Promise<string> {
  if (given === undefined && input.fileName === undefined) return input.text;
  const { formatOf } = await import('@verbatim/store/format');
  const format = given ?? (formatOf({ fileName: input.fileName }) ?? 'text');
  if (format === 'text') return input.text;
  const { ingestText, StoreError } = await import('@verbatim/store');
  try {
    return ingestText(input.text, format as 'markdown' | 'html').text;
  } catch (error) {
    if (error instanceof StoreError) throw usageError(error.message.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()));
    throw error;
  }
}

/** The text: the arguments themselves, standard input (`-`), or the file they name. */
async function readInput(positionals: readonly string[], context: CommandContext): Promise<Input> {
  if (positionals.length === 0) {
    throw usageError(`give the text to check, - to read it from standard input, or a file; usage: ${synopsis(checkCommand)}.`);
  }
  if (positionals.length === 1 && positionals[0] === '-') return { text: await readStdin(context) };
  if (positionals.length === 1) {
    const name = positionals[0]!;
    if (isFile(resolve(context.cwd, name))) {
      // Imported here: a check of the text itself (a linter's usual run) reads no file.
      const { readDocument } = await import('../read-document.js');
      return asBadInput(readDocument(name, { cwd: context.cwd, maxBytes: MAX_CHECK_BYTES })).then((d) => ({ text: d.text, fileName: name }));
    }
    if (LOOKS_LIKE_FILE.test(name)) throw usageError(`there is no file ${JSON.stringify(name)}; to check those words as a text, put them in a sentence.`);
  }
  return { text: positionals.join(' ') };
}

/**
 * Whether a file of that name exists. Synchronous: node:fs/promises is one module more to
 * load for a linter's every run. A sentence given as the text is rarely a name the system
 * takes (too long, or a folder of that name); then it is no file.
 */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

async function readStdin(context: CommandContext): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.stdin ?? process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.byteLength;
    if (size > MAX_CHECK_BYTES) throw usageError(`standard input is over the ${MAX_CHECK_BYTES / 1024} KB a check takes; add a longer text as a commentary instead.`);
    chunks.push(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw usageError('standard input is not UTF-8 text.');
  }
}

/**
 * Checks against the database read-only (the quick path: nothing of ingestion is loaded);
 * a database that does not exist yet or needs migrating is opened as every other command
 * opens it, which creates it and loads the corpus first.
 */
async function check(text: string, context: CommandContext): Promise<CheckResult> {
  const { openChecker, StoreError } = await import('@verbatim/store/checker');
  const asCliError = (error: unknown) =>
    error instanceof StoreError ? usageError(error.message.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())) : error;
  const { database, databaseUrl } = storeLocations(context.env, context.cwd);
  let checker;
  try {
    // The quick path reads a SQLite file; a corpus on PostgreSQL is checked through its store.
    checker = databaseUrl === undefined ? openChecker(database) : undefined;
  } catch (error) {
    throw asCliError(error);
  }
  if (!checker) {
    const { withStore } = await import('../store/open-store.js');
    return asBadInput(withStore(context, (store) => store.check(text)));
  }
  try {
    return checker.check(text);
  } catch (error) {
    throw asCliError(error);
  } finally {
    checker.close();
  }
}

/** Every refusal of the input is status 2 here: 1 is the verdict "not genuine". */
async function asBadInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CliError && error.exitCode !== ExitCode.usage) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}
