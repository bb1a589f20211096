import { createRoute, z } from '@hono/zod-openapi';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import { documentId, problems } from '../schemas/common.js';
import { DocumentFormatSchema } from '../schemas/documents.js';

const VerifyBodySchema = z
  .object({
    text: z.string().openapi({ description: 'The official copy: plain text, Markdown, or a page saved as HTML; at most 5 MB.' }),
    format: DocumentFormatSchema.default('text'),
    apply: z.boolean().default(false).openapi({
      description: 'Store the official text as a new version (the old one is kept), mark every paragraph confirmed against it, and align the commentaries again.',
    }),
  })
  .openapi('VerifyRequest');

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

const VerifyResultSchema = z
  .object({
    document: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
    report: z.object({
      storedSha256: z.string(),
      officialSha256: z.string(),
      paragraphs: z.array(
        z.object({
          locator: z.string(),
          verdict: z.enum(['identical', 'typography', 'differs', 'missing']),
          stored: SpanSchema,
          official: SpanSchema.nullable(),
          differences: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'Word differences; source side = the official copy, commentary side = ours.' }),
        }),
      ),
      missingFromStored: z.array(SpanSchema),
      summary: z.object({
        identical: z.number().int(),
        typography: z.number().int(),
        differing: z.number().int(),
        missingFromOfficial: z.number().int(),
        missingFromStored: z.number().int(),
      }),
      overlap: z.number(),
    }),
    applied: z.object({ version: z.number().int(), outcome: z.enum(['added', 'new-version', 'existing']), confirmed: z.number().int() }).nullable(),
  })
  .openapi('VerifyResult');

const verificationPath = (id: string) => `/api/verifications/${id}`;

const VerificationPendingSchema = z
  .object({
    state: z.literal('pending'),
    status: z.string().openapi({ example: verificationPath('0b9b4a1e-5d1c-4f6e-9a57-2f1f3c1f8e42'), description: 'Where to ask for the result.' }),
  })
  .openapi('VerificationPending', { description: 'The verification waits for a worker of the team server (PostgreSQL).' });

const VerificationStatusSchema = z
  .union([
    z.object({ state: z.literal('pending'), document: z.string() }),
    z.object({ state: z.literal('done'), document: z.string(), result: VerifyResultSchema }),
    z.object({
      state: z.literal('failed'),
      document: z.string(),
      reason: z.string().openapi({
        example: 'The official copy shares only 3% of its paragraphs\' words with "Joint Statement": it looks like another document, so it was not compared.',
        description: 'Why, in one sentence: what a 400 would have said on SQLite, or that the workers gave up.',
      }),
    }),
  ])
  .openapi('VerificationStatus');

const status = createRoute({
  method: 'get',
  path: '/verifications/{id}',
  tags: ['Documents'],
  summary: 'Where a verification left to a worker stands',
  description:
    'On a team server (PostgreSQL), the verification `POST /api/documents/{id}/verify` answered 202 for: `pending` while a worker has yet to run it, `done` with the result a 200 would have carried, ' +
    '`failed` with the reason (a copy of another document, a text that cannot be read, or the workers giving up). 404 for an id never given out, and always on SQLite, where a verification answers at once.',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '0b9b4a1e-5d1c-4f6e-9a57-2f1f3c1f8e42' }) }) },
  responses: {
    200: { description: 'Pending, done or failed', content: { 'application/json': { schema: VerificationStatusSchema } } },
    ...problems(404),
  },
});

/** Seconds a client waits before asking again for a verification's result. */
const RETRY_AFTER_SECONDS = 2;

const verify = createRoute({
  method: 'post',
  path: '/documents/{id}/verify',
  tags: ['Documents'],
  summary: 'Check a document against an official copy',
  description:
    'Aligns an official copy with the stored text and returns, paragraph by paragraph with locators, every word difference and the paragraphs either side lacks. ' +
    'Changes nothing unless `apply` is true. Like every POST, it needs the bearer token when the server has one. ' +
    'On a team server (PostgreSQL) a worker does the comparing: the answer is then `202 Accepted`, its `Location` the verification to ask for (`GET /api/verifications/{id}`) until it is done.',
  security: [{ Bearer: [] }],
  request: {
    params: z.object({ id: documentId('id') }),
    body: { content: { 'application/json': { schema: VerifyBodySchema } }, required: true },
  },
  responses: {
    200: { description: 'The comparison, and what `apply` stored', content: { 'application/json': { schema: VerifyResultSchema } } },
    202: {
      description: 'Left to a worker of the team server (PostgreSQL only): ask its `Location` for the result',
      headers: {
        Location: { schema: { type: 'string' }, description: 'The verification: `GET` it for where it stands, and its result once done.' },
        'Retry-After': { schema: { type: 'integer' }, description: 'Seconds after which to ask.' },
      },
      content: { 'application/json': { schema: VerificationPendingSchema } },
    },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export function verifyRoutes({ store, reports }: RouteDeps) {
  return router()
    .openapi(verify, async (c) => {
      const { id } = c.req.valid('param');
      const { text, format, apply } = c.req.valid('json');
      // In the store's writer thread (SQLite) or a worker (a team server): comparing the copy stalls no other request.
      const result = await store.verify(id, { text, format }, { apply });
      if (!result) throw new ProblemError(404, `There is no document "${id}" to verify.`);
      if ('queued' in result) {
        const location = verificationPath(result.queued);
        c.header('Location', location);
        c.header('Retry-After', String(RETRY_AFTER_SECONDS));
        c.header('Cache-Control', 'no-store');
        return c.json({ state: 'pending' as const, status: location }, 202);
      }
      if (result.applied) reports.forget(id);
      return c.json(result, 200);
    })
    .openapi(status, async (c) => {
      const { id } = c.req.valid('param');
      const state = await store.verification(id);
      if (!state) throw new ProblemError(404, `There is no verification "${id}".`);
      c.header('Cache-Control', 'no-store');
      const document = state.documentId;
      if (state.state === 'pending') return c.json({ state: state.state, document }, 200);
      if (state.state === 'failed') return c.json({ state: state.state, document, reason: state.reason }, 200);
      // A version the worker stored is the reports' news too, here as on SQLite.
      if (state.result.applied) reports.forget(document);
      return c.json({ state: state.state, document, result: state.result }, 200);
    });
}
