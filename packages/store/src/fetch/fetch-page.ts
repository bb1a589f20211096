import http from 'node:http';
import https from 'node:https';
import { StoreError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../ingest/decode.js';
import { formatOf } from '../ingest/format.js';
import type { DocumentFormat } from '../types.js';
import { publicLookup, refuseLiteralPrivate } from './public-address.js';

export interface FetchPageOptions {
  /** Fetch from loopback and private addresses too (tests, a curator's own intranet). Default false. */
  allowPrivate?: boolean;
  /** The whole fetch, redirects included, in milliseconds. Default 15 s. */
  timeoutMs?: number;
  /** At most this many bytes of body. Default: the store's limit on a document, 5 MB. */
  maxBytes?: number;
  /** At most this many redirects followed. Default 5. */
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The address the page was finally read from, after redirects. */
  url: string;
  /** The body decoded to text (its declared charset, else UTF-8). */
  text: string;
  format: DocumentFormat;
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: MAX_INPUT_BYTES, maxRedirects: 5 };

/**
 * Reads a page a curator named by its address, within bounds: http and https only, public
 * addresses only (unless `allowPrivate`), a few redirects, a time limit for the whole fetch
 * and a size limit checked while the body arrives. Each refusal is a StoreError in one
 * sentence: `fetch-refused` for an address Verbatim will not read, `fetch-failed` for a
 * server that did not give the page, `too-large`, or `format` for a body that is no text.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULTS, ...options };
  const allowPrivate = options.allowPrivate === true;
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = parseAddress(address);
  for (let redirects = 0; ; redirects++) {
    if (!allowPrivate) refuseLiteralPrivate(url.hostname);
    const response = await get(url, { allowPrivate, signal: deadline, timeoutMs, maxBytes });
    if (response.location !== undefined) {
      if (redirects >= maxRedirects) {
        throw new StoreError('fetch-failed', `${address} redirects more than ${maxRedirects} times; give the page's final address.`);
      }
      url = parseAddress(new URL(response.location, url).href);
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      throw new StoreError('fetch-failed', `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}, not the page.`);
    }
    const format = formatOf({ mediaType: response.contentType }) ?? formatOf({ fileName: url.pathname });
    if (!format) {
      throw new StoreError('format', `${url.href} is not a web page or a text (it is ${response.contentType || 'of no stated type'}); Verbatim reads HTML, Markdown and plain text.`);
    }
    return { url: url.href, text: decode(response.body, response.contentType, url), format };
  }
}

function parseAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new StoreError('fetch-refused', `${JSON.stringify(address)} is not a web address; give one such as https://example.org/article.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StoreError('fetch-refused', `${url.protocol}// addresses cannot be fetched; give an http or https address.`);
  }
  if (url.username || url.password) throw new StoreError('fetch-refused', 'An address with a user name or password cannot be fetched.');
  return url;
}

interface Answer {
  status: number;
  statusText: string;
  location?: string;
  contentType: string;
  body: Buffer;
}

function get(url: URL, o: { allowPrivate: boolean; signal: AbortSignal; timeoutMs: number; maxBytes: number }): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const fail = (error: unknown) => reject(fetchFailure(url, error, o.timeoutMs));
    if (o.signal.aborted) return fail(o.signal.reason);
    const request = client.get(
      url,
      {
        signal: o.signal,
        ...(o.allowPrivate ? {} : { lookup: publicLookup }),
        headers: {
          'User-Agent': 'Verbatim (a diplomatic-text workbench; fetches one page a curator asked for)',
          Accept: 'text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8',
          'Accept-Encoding': 'identity',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const base = { status, statusText: response.statusMessage ?? '', contentType: String(response.headers['content-type'] ?? '') };
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ ...base, location: response.headers.location, body: Buffer.alloc(0) });
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > o.maxBytes) {
          request.destroy();
          return reject(tooLarge(url, o.maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            request.destroy();
            reject(tooLarge(url, o.maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ ...base, body: Buffer.concat(chunks) }));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
  });
}

function decode(body: Buffer, contentType: string, url: URL): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset, { fatal: true }).decode(body);
  } catch {
    throw new StoreError('encoding', `${url.href} is not valid ${charset} text as its server says; save the page and add the file.`);
  }
}

function tooLarge(url: URL, maxBytes: number): StoreError {
  return new StoreError('too-large', `${url.href} is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, the most Verbatim stores.`);
}

function fetchFailure(url: URL, error: unknown, timeoutMs: number): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { name?: string; code?: string; cause?: unknown } | undefined;
  // The lookup's refusal reaches us wrapped by node:http.
  if (e?.cause instanceof StoreError) return e.cause;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.code === 'ABORT_ERR') {
    return new StoreError('fetch-failed', `${url.host} did not give the page within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`}.`, { cause: error });
  }
  const reason =
    e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN' ? 'no such host was found'
    : e?.code === 'ECONNREFUSED' ? 'it refused the connection'
    : e?.code === 'ECONNRESET' ? 'it closed the connection'
    : e?.code?.startsWith('ERR_TLS') || e?.code?.includes('CERT') ? 'its certificate could not be verified'
    : 'the connection failed';
  return new StoreError('fetch-failed', `${url.host} could not be reached: ${reason}.`, { cause: error });
}
