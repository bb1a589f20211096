/**
 * Fetching a passage's citation from the API and putting it on the clipboard. The API is the
 * one place citations are made (the same text a script gets from
 * /api/passages/:id/citation); the page only carries it to the clipboard.
 */
import type { CitationFormat } from './labels';

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
