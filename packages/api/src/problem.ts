import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An RFC 9457 problem document: what every error response of the API carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Titles by status: the short, stable part of a problem; `detail` says what happened. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The API's one error type. Thrown anywhere (a route, a validation hook, a middleware),
 * it is rendered by the app's error handler; `headers` carries what a status needs
 * (`WWW-Authenticate` on a 401).
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, detail: string, options: { title?: string; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(detail, { cause: options.cause });
    this.status = status;
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.headers = options.headers ?? {};
  }

  toProblem(): Problem {
    // `about:blank` says the status alone tells the kind of problem (RFC 9457 §4.2.1).
    return { type: 'about:blank', title: this.title, status: this.status, detail: this.message };
  }
}

/**
 * Details for the errors Hono itself raises (its validators, the media-type gate of
 * @hono/zod-openapi): their messages are terse, so each status gets a sentence a person
 * can act on.
 */
function fromHttpException(error: HTTPException): ProblemError {
  switch (error.status) {
    case 400:
      return /json/i.test(error.message)
        ? new ProblemError(400, 'The request body is not valid JSON; check its quotes, commas and brackets.')
        : new ProblemError(400, `The request could not be read: ${error.message.replace(/\.?$/, '.')}`);
    case 413:
      return new ProblemError(413, 'The request body is too large.');
    case 415:
      return new ProblemError(415, 'This content type is not accepted here; send application/json (or multipart/form-data to upload a file).');
    default:
      return new ProblemError(error.status as ContentfulStatusCode, error.message || TITLES[error.status] || 'The request failed.');
  }
}

/** Renders a problem; the body is JSON with the problem media type. */
export function problemResponse(c: Context, problem: ProblemError): Response {
  return c.body(JSON.stringify(problem.toProblem()), problem.status, {
    ...problem.headers,
    'Content-Type': PROBLEM_MEDIA_TYPE,
  });
}

/** The detail of every 500 whose cause is the server's own: nothing of the code, the paths or the database. */
export const SERVER_FAILURE_DETAIL = 'The server failed to answer this request; the error was logged. Try again, and report it if it persists.';

/**
 * Turns anything thrown into a problem. Unknown errors become a 500 whose detail says
 * nothing about the code (no stack trace, no message that may leak paths); the caller logs
 * the error itself.
 */
export function toProblemError(error: unknown, mapOther: (error: unknown) => ProblemError | undefined): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  return (
    mapOther(error) ??
    new ProblemError(500, SERVER_FAILURE_DETAIL)
  );
}
