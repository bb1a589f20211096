import { createRoute, z } from '@hono/zod-openapi';
import { router, type RouteDeps } from '../router.js';
import { problems } from '../schemas/common.js';

const HitSchema = z
  .object({
    documentId: z.string(),
    title: z.string(),
    kind: z.enum(['source', 'commentary']),
    version: z.number().int(),
    locator: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    snippet: z.string().openapi({ description: 'An excerpt with the matched words between `**` marks.' }),
    excerpt: z.object({
      text: z.string(),
      highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    }),
  })
  .openapi('SearchHit');

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary: 'Full-text search of paragraphs',
  description:
    'SQLite FTS5 over the paragraphs of the latest versions, best matches first: words, "phrases", OR, NOT, NEAR, prefix*. A malformed query is a 400 that says why.',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(1000).openapi({ example: '"no limits"' }),
      limit: z.coerce.number().int().min(1).max(1000).default(20),
    }),
  },
  responses: {
    200: {
      description: 'The matching paragraphs',
      content: { 'application/json': { schema: z.object({ query: z.string(), hits: z.array(HitSchema) }).openapi('SearchResult') } },
    },
    ...problems(400),
  },
});

export function searchRoutes({ store }: RouteDeps) {
  return router().openapi(search, (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, hits: store.search(q, { limit }) }, 200);
  });
}
