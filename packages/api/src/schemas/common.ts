import { z } from '@hono/zod-openapi';

/** Ids in URLs: what the store accepts for a document id (letters, digits, `.`, `-`, `_`). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const documentId = (name: string, example = 'joint-statement-2022-02-04') =>
  z
    .string()
    .regex(ID, { message: 'is not a document id (up to 128 letters, digits, dots, hyphens or underscores)' })
    .openapi({ param: { name, in: 'path' }, example });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: 'There is no document "x".' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem: every error the API returns.' });

/** The error responses a route can give, each an RFC 9457 problem. */
export function problems(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed JSON, or invalid parameters or fields',
    401: 'A write without the right bearer token (only when the server has one)',
    403: 'A write a browser sent from a page of another site',
    404: 'No such resource',
    413: 'The request body is over the limit',
    415: 'An unsupported content type or document format',
    429: 'Too many requests from this client; wait as long as Retry-After says',
    502: 'The page could not be fetched: its server did not answer, or answered with an error',
    503: 'The database is busy, or does not answer; try again after the seconds Retry-After says',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}
