import type { SearchHit, SearchResult } from '@verbatim/store';
import type { Paint } from './paint.js';
import { displayWidth } from './text-width.js';
import { truncate } from './truncate.js';
import { wrapSegments, type Segment } from './wrap.js';

export interface SearchResultsOptions {
  /** The most hits asked for: when reached, the reader is told there may be more. */
  limit: number;
  paint: Paint;
  /** Bold highlights when colour is on; «…» around the matched words otherwise. */
  color: boolean;
  width: number;
}

/**
 * `verbatim search`: each hit as the document id and locator a citation needs, the title,
 * then the excerpt with the matched words set apart. When the query was not valid syntax,
 * first a line saying which words were searched for instead.
 */
export function formatSearchResults(query: string, result: SearchResult, options: SearchResultsOptions): string {
  const { paint, width } = options;
  const { hits } = result;
  const readAs =
    result.readAs === 'words'
      ? `${JSON.stringify(query)} is not valid search syntax, so ${
          result.words!.length === 0 ? 'there are no words to search for' : `the words ${result.words!.join(' ')} were searched for instead`
        }.\n`
      : '';
  if (hits.length === 0) return `${readAs}No paragraph matches ${JSON.stringify(query)}.\n`;
  const heading =
    readAs +
    (hits.length >= options.limit
      ? `The first ${hits.length} paragraphs that match ${JSON.stringify(query)} (--limit shows more)`
      : `${hits.length} ${hits.length === 1 ? 'paragraph matches' : 'paragraphs match'} ${JSON.stringify(query)}`) +
    (hits.some((h) => h.kind === 'source') && hits.some((h) => h.kind === 'commentary') ? ', sources first' : '');
  const blocks = hits.map((hit) => {
    const where = `${hit.documentId} ${hit.locator}`;
    const title = truncate(hit.title, Math.max(width - displayWidth(where) - 3, 12));
    const first = `${paint(hit.documentId, 'bold')} ${paint(hit.locator, 'cyan')} · ${title}`;
    return `${first}\n${wrapSegments(excerptSegments(hit, options.color), paint, width, '  ')}`;
  });
  return `${heading}\n\n${blocks.join('\n\n')}\n`;
}

/** The excerpt in pieces: plain text, and the matched words bold or between «…». */
function excerptSegments(hit: SearchHit, color: boolean): Segment[] {
  const { text, highlights } = hit.excerpt;
  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start > at) segments.push({ text: text.slice(at, start) });
    const matched = text.slice(start, end);
    segments.push(color ? { text: matched, styles: ['bold'] } : { text: `«${matched}»` });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
