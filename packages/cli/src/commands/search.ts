import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { createPaint, wantsColor } from '../format/paint.js';
import { formatSearchResults } from '../format/search-results.js';
import { readableWidth } from '../format/width.js';
import { parseOutputFormat, toJson } from '../output-format.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { withStore } from '../store/open-store.js';

const DEFAULT_LIMIT = 20;
/** The store returns at most this many hits; asking for more would silently get fewer. */
const MAX_LIMIT = 1000;

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the paragraphs of every stored document (full text, in FTS5 syntax).',
  usage: `verbatim search <query> [--limit N] [--format text|json]

Finds the paragraphs that match a full-text query — those of sources first, then those
of commentaries, best matches first within each — each with its document id, locator
and title and an excerpt with the matched words highlighted (bold on a terminal,
«between guillemets» elsewhere).

The query is SQLite FTS5 syntax, on a team server's PostgreSQL too: words (all must
appear), "a phrase", OR, NOT, NEAR(a b, 5), prefix*. Several arguments are joined into one query. A query that is
not valid syntax (an unbalanced quotation mark or parenthesis) is searched as the plain
words in it, and the results say so.

Options:
  --limit N       at most N results, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT})
  --format text   for reading (the default)
  --format json   an array of hits, for scripts

Example:
  verbatim search '"no limits"'`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(searchCommand, {
      args,
      options: {
        limit: { type: 'string', default: String(DEFAULT_LIMIT) },
        format: { type: 'string', default: 'text' },
      },
      allowPositionals: true,
    });
    const format = parseOutputFormat(values.format);
    const limit = parseLimit(values.limit);
    // `verbatim search no limits` means what the user would type in a search box.
    const query = positionals.join(' ');
    if (query.trim() === '') throw usageError(`give something to search for; usage: ${synopsis(searchCommand)}.`);

    const color = wantsColor(context.stdout, context.env);
    const result = await withStore(context, (store) => store.search(query, { limit }));

    context.stdout.write(
      format === 'json'
        ? toJson(result.hits)
        : formatSearchResults(query, result, { paint: createPaint(color), color, limit, width: readableWidth(context.stdout) }),
    );
    return 0;
  },
};

function parseLimit(value: string | undefined): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value ?? '') || limit < 1 || limit > MAX_LIMIT) {
    throw usageError(`--limit takes a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(value)}.`);
  }
  return limit;
}
