/**
 * The pages' one door to the data: the Hono app of @verbatim/api, called in process (no
 * network hop, no port), so that its checks — validation, the token, the origin, the limits,
 * the report cache — hold for the pages exactly as for scripts. A non-OK answer is a
 * problem+json whose `detail` is already one sentence for a person: a load turns it into
 * SvelteKit's error(), a form action into fail().
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Problem } from '@verbatim/api';

/** What the host hands the pages: the API app's `fetch` (apps/server), or one of our own. */
export type ApiFetch = (request: Request) => Response | Promise<Response>;

/** A write's body: JSON, or a form (a file upload). */
export type Body = FormData | Record<string, unknown>;

/** What a write gives an action: the API's answer, or the fail() to return. */
export type Sent<T, F> = { ok: true; data: T } | { ok: false; failure: ActionFailure<{ error: string } & F> };

/** A page of a listing the API gives a page at a time (GET /api/documents). */
export interface Page<T> {
  items: T[];
  /** The next page's cursor, from the answer's `Link: <…>; rel="next"`; null on the last page. */
  next: string | null;
  /** How many items the listing holds over all its pages (`X-Total-Count`). */
  total: number;
}

export interface Api {
  /** A JSON resource; a problem (a 404, a 400 for a malformed query) becomes error(). */
  get<T>(path: string): Promise<T>;
  /** A page of a paged listing, as get() reads a resource. */
  page<T>(path: string): Promise<Page<T>>;
  /** Like get, but "not found" is data: undefined instead of a 404 page. */
  find<T>(path: string): Promise<T | undefined>;
  /** Like get, but a refusal (4xx) is data for the page to show: a malformed search query. */
  tryGet<T>(path: string): Promise<{ data: T } | { problem: Problem }>;
  /**
   * A write (POST, PATCH, DELETE) as the reader's browser asked for it: from this origin, with
   * the token the reader gave. A refusal becomes `failure`: fail(status, { error: detail,
   * ...refused(problem) }), for the action to return and the form to show beside its fields
   * (`refused` may say it in the form's words); an answer
   * without a body (204) gives `data: null`. A fault of the server becomes error().
   */
  send<T, F extends Record<string, unknown>>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    options: { body?: Body; token?: string; refused: (problem: Problem) => F },
  ): Promise<Sent<T, F>>;
}

/**
 * The API for one request of the pages. `origin` is the page's own (SvelteKit has checked a
 * form post against it), sent as the write's Origin so that the API's cross-site check sees
 * what the browser sent; `client` is the reader's address, for the API's limits per client.
 */
export function apiFor(fetcher: ApiFetch, origin: string, client?: string): Api {
  const call = async (method: string, path: string, body?: Body, token?: string): Promise<Response> => {
    const headers = new Headers({ Accept: 'application/json' });
    // Who the page is asking for: the API limits checks per client, and in process it has no
    // peer address of its own to go by (the header counts only for calls made in process).
    if (client) headers.set('x-verbatim-client', client);
    if (method !== 'GET') headers.set('Origin', origin);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
      payload = JSON.stringify(body);
    }
    return fetcher(new Request(new URL(path, origin), { method, headers, ...(payload === undefined ? {} : { body: payload }) }));
  };

  const get = async <T>(path: string, notFound: 'error' | 'undefined'): Promise<T | undefined> => {
    const res = await call('GET', path);
    if (res.ok) return (await res.json()) as T;
    const problem = await problemOf(res);
    if (res.status === 404 && notFound === 'undefined') return undefined;
    error(res.status, problem.detail);
  };

  return {
    get: async <T>(path: string) => (await get<T>(path, 'error')) as T,
    async page<T>(path: string) {
      const res = await call('GET', path);
      if (!res.ok) error(res.status, (await problemOf(res)).detail);
      const items = (await res.json()) as T[];
      return { items, next: nextCursor(res.headers.get('link')), total: Number(res.headers.get('x-total-count') ?? items.length) };
    },
    find: <T>(path: string) => get<T>(path, 'undefined'),
    async tryGet<T>(path: string) {
      const res = await call('GET', path);
      if (res.ok) return { data: (await res.json()) as T };
      const problem = await problemOf(res);
      if (res.status >= 500) error(res.status, problem.detail);
      return { problem };
    },
    async send<T, F extends Record<string, unknown>>(
      method: string,
      path: string,
      { body, token, refused }: { body?: Body; token?: string; refused: (problem: Problem) => F },
    ): Promise<Sent<T, F>> {
      const res = await call(method, path, body, token);
      if (res.ok) return { ok: true, data: (res.status === 204 ? null : await res.json()) as T };
      const problem = await problemOf(res);
      // A fault of the server is not the reader's to fix beside a field: the error page says so.
      // A 502 is another server's (a page to fetch that was not given): the reader may give
      // another address, so it stands beside the field like a refusal.
      if (res.status >= 500 && res.status !== 502) error(res.status, problem.detail);
      return { ok: false, failure: fail(res.status, { error: problem.detail, ...refused(problem) }) };
    },
  };
}

/** The cursor of the next page a Link header names (RFC 8288, `rel="next"`), or null. */
export function nextCursor(link: string | null): string | null {
  const target = link?.split(',').map((l) => /^\s*<([^>]*)>\s*;\s*rel="?next"?\s*$/.exec(l)).find(Boolean)?.[1];
  return target === undefined ? null : new URL(target, 'http://api.invalid').searchParams.get('cursor');
}

/** The problem an answer carries; an answer that is not one (it should always be) still reads as one. */
async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('application/problem+json')) return (await res.json()) as Problem;
  return { type: 'about:blank', title: res.statusText, status: res.status, detail: `The API answered ${res.status} ${res.statusText}.` };
}
