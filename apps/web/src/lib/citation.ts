/**
 * Fetching a passage's citation from the API and putting it on the clipboard. The API is the
 * one place citations are made (the same text a script gets from
 * /api/passages/:id/citation); the page only carries it to the clipboard.
 */
import { eitherOf, type CitationFormat } from './labels';

export function citationUrl(passageId: string, format: CitationFormat): string {
  return `/api/passages/${encodeURIComponent(passageId)}/citation?format=${encodeURIComponent(format)}`;
}

/** The citation as text to paste: JSON formats pretty-printed, the others as served. */
export async function fetchCitation(passageId: string, format: CitationFormat, fetcher: typeof fetch = fetch): Promise<string> {
  const response = await fetcher(citationUrl(passageId, format), { headers: { accept: 'application/json, text/plain;q=0.9, */*;q=0.8' } });
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) throw new Error(problemDetail(body, type) ?? `the server answered ${response.status}`);
  return citationText(body, type);
}

export function citationText(body: string, contentType: string): string {
  if (!/json/i.test(contentType)) return body.trimEnd();
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function problemDetail(body: string, type: string): string | null {
  if (!/json/i.test(type)) return null;
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown };
    return typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : null;
  } catch {
    return null;
  }
}

/** What a citation of the commentary's side needs: the commentary, the quoted words and where the page shows them. */
export interface CommentaryCitationInput {
  commentary: { title: string; author: string | null; date: string | null; url: string | null };
  /** The commentary's words, as it quotes them. */
  words: string;
  /** `candidates`: every place the passage fits equally (the first is `locator`); empty when it fits one. */
  source: { title: string; locator: string | null; candidates: readonly string[] };
  /** The comparison page opened on this passage. */
  permalink: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-02-04` → `February 4, 2022`; `2022-02` → `February 2022`; any other form as written. */
export function longDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return date;
  if (!month) return m[1]!;
  return m[3] ? `${month} ${Number(m[3])}, ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * The commentary's quotation cited in the style of the source's note (Chicago): author,
 * “title,” date, URL, the words, then where the source says it and the permalink of the
 * comparison, so that a reader of the citation can check the quotation themselves (every
 * place, when the words fit several equally). An author
 * field that is a curator's note ("Not named; …") names no author and is left out.
 */
export function commentaryCitation(input: CommentaryCitationInput): string {
  const { commentary, source } = input;
  const author = commentary.author && !/^not named\b/i.test(commentary.author) ? commentary.author : null;
  const when = [commentary.date ? longDate(commentary.date) : 'n.d.', commentary.url].filter(Boolean).join(', ');
  const head = `${author ? `${author}, ` : ''}“${commentary.title},” ${when}`;
  const words = input.words.replace(/\s+/g, ' ').trim();
  const where =
    source.candidates.length > 1 ? `${source.title}, ${eitherOf(source.candidates)} (the words fit each equally)`
    : source.locator ? `${source.title}, ${source.locator}`
    : source.title;
  return `${head}: “${words}” Quoting ${where}; compared at ${input.permalink}`;
}
