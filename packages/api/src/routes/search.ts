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
    'SQLite FTS5 over the paragraphs of the latest versions: words, "phrases", OR, NOT, NEAR, prefix*. The paragraphs of sources come first, then those of commentaries, best match first within each, so a source’s own words come before the commentaries that quote them. A query FTS5 rejects (an unbalanced quotation mark or parenthesis, a stray operator) is searched as the plain words in it: `readAs` is then `words` and `words` lists them.',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(1000).openapi({ example: '"no limits"' }),
      limit: z.coerce.number().int().min(1).max(1000).default(20),
    }),
  },
  responses: {
    200: {
      description: 'The matching paragraphs',
      content: {
        'application/json': {
          schema: z
            .object({
              query: z.string(),
              readAs: z.enum(['full-text', 'words']).openapi({
                description: '`full-text`: the query was read as FTS5 syntax; `words`: FTS5 rejected it, so the words in it were searched for, each as written.',
              }),
              words: z.array(z.string()).nullable().openapi({ description: 'The words searched for when `readAs` is `words`; null otherwise.' }),
              hits: z.array(HitSchema).openapi({ description: 'Paragraphs of sources first, then of commentaries; best match first within each.' }),
            })
            .openapi('SearchResult'),
        },
      },
    },
    ...problems(400),
  },
});

export function searchRoutes({ store }: RouteDeps) {
  return router().openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, ...await store.search(q, { limit }) }, 200);
  });
}
