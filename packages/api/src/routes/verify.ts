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

const verify = createRoute({
  method: 'post',
  path: '/documents/{id}/verify',
  tags: ['Documents'],
  summary: 'Check a document against an official copy',
  description:
    'Aligns an official copy with the stored text and returns, paragraph by paragraph with locators, every word difference and the paragraphs either side lacks. ' +
    'Changes nothing unless `apply` is true. Like every POST, it needs the bearer token when the server has one.',
  security: [{ Bearer: [] }],
  request: {
    params: z.object({ id: documentId('id') }),
    body: { content: { 'application/json': { schema: VerifyBodySchema } }, required: true },
  },
  responses: {
    200: { description: 'The comparison, and what `apply` stored', content: { 'application/json': { schema: VerifyResultSchema } } },
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export function verifyRoutes({ store, reports }: RouteDeps) {
  return router().openapi(verify, async (c) => {
    const { id } = c.req.valid('param');
    const { text, format, apply } = c.req.valid('json');
    // In the store's writer thread: aligning the copy (and storing it) stalls no other request.
    const result = await store.verify(id, { text, format }, { apply });
    if (!result) throw new ProblemError(404, `There is no document "${id}" to verify.`);
    if (result.applied) reports.forget(id);
    return c.json(result, 200);
  });
}
