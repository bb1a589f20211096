import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { referencePage } from '../reference/page.js';
import { router } from '../router.js';

const openapi = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['Service'],
  summary: 'This API described in OpenAPI 3.1',
  responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

const docs = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['Service'],
  summary: 'This reference, as a page to read',
  responses: { 200: { description: 'An HTML page listing every route, its parameters and schemas', content: { 'text/html': { schema: z.string() } } } },
});

const INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Verbatim API',
    version: '0.1.0',
    description:
      'A comparative diplomatic-text workbench: documents, the alignment of a commentary with the source it quotes, citations of aligned passages, and full-text search. ' +
      'JSON in and out; writes need `Authorization: Bearer <token>` when the server has a token (VERBATIM_TOKEN).',
  },
};

/** The routes that answer without the database: they never say it is busy. */
const WITHOUT_DATABASE = new Set(['/api/health', '/api/openapi.json', '/api/docs']);

/**
 * Any route that reads or writes the corpus can meet a busy database (every connection of a
 * team server's pool in use, another add holding the write lock) or one that does not answer:
 * each says so in its responses, from one place rather than in every route.
 */
function withDatabaseFailures(document: Record<string, unknown>): void {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  for (const [path, operations] of Object.entries(paths)) {
    if (WITHOUT_DATABASE.has(path)) continue;
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ??= {});
      responses['503'] ??= {
        description: 'The database is busy, or does not answer; try again after the seconds Retry-After says',
        headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
}

/** The page may only use its own inline styles: it has no script and loads nothing. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The OpenAPI document of `app` (the whole API, routes mounted) and the reference page made
 * from it. Both are computed once, at the first request: the routes do not change afterwards.
 */
export function referenceRoutes(app: OpenAPIHono) {
  let document: Record<string, unknown> | undefined;
  let page: string | undefined;
  const getDocument = () => {
    if (!document) {
      document = app.getOpenAPI31Document(INFO) as unknown as Record<string, unknown>;
      const components = (document.components ??= {}) as Record<string, Record<string, unknown>>;
      components.securitySchemes = { Bearer: { type: 'http', scheme: 'bearer', description: 'The server’s VERBATIM_TOKEN.' } };
      withDatabaseFailures(document);
    }
    return document;
  };
  return router()
    .openapi(openapi, (c) => c.json(getDocument(), 200))
    .openapi(docs, (c) => {
      page ??= referencePage(getDocument());
      c.header('Content-Security-Policy', PAGE_CSP);
      return c.html(page, 200);
    });
}
