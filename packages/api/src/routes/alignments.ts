import { createRoute, z } from '@hono/zod-openapi';
import type { AlignmentSummary } from '@verbatim/store';
import { noneMatchHits } from '../http/conditional.js';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import {
  AlignmentPendingSchema,
  AlignmentStatusSchema,
  alignmentReportComponents,
  alignmentReportRef,
  LinkSchema,
  linkOf,
  PendingCountSchema,
  reportPath,
  statusPath,
} from '../schemas/alignments.js';
import { documentId, ProblemSchema, problems } from '../schemas/common.js';

/**
 * A URL names the latest versions of two documents, so its report changes when either gets
 * a new version: caches must revalidate every time, which the ETag makes a 304 away.
 */
const CACHE_CONTROL = 'public, no-cache';

/** Ids in a list: what `documentId` accepts, comma-separated. */
const ID_LIST = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(,[A-Za-z0-9][A-Za-z0-9._-]{0,127})*$/;
/** As many as two pages of the library at their largest. */
const MAX_LISTED_DOCUMENTS = 200;

const list = createRoute({
  method: 'get',
  path: '/alignments',
  tags: ['Alignments'],
  summary: 'The links between sources and commentaries',
  description:
    'The stored alignments between the latest versions of two documents, by source then commentary id: the passages found and coverage of each, ' +
    'the engine that made it, and whether it is stale (made by another engine, and being made again). ' +
    `With \`documents\`, only those linking one of these documents (the library page asks for the links of the documents it shows); every one without it.`,
  request: {
    query: z.object({
      documents: z
        .string()
        .regex(ID_LIST, { message: 'is not a list of document ids separated by commas' })
        .refine((ids) => ids.split(',').length <= MAX_LISTED_DOCUMENTS, { message: `names more than ${MAX_LISTED_DOCUMENTS} documents` })
        .optional()
        .openapi({ description: `Document ids, comma-separated (at most ${MAX_LISTED_DOCUMENTS}).`, example: 'joint-statement-2022-02-04,op-ed-expanding-sino-russian-cooperation' }),
    }),
  },
  responses: {
    200: { description: 'The alignments', content: { 'application/json': { schema: z.array(LinkSchema) } } },
    ...problems(400),
  },
});

const report = createRoute({
  method: 'get',
  path: '/alignments/{sourceId}/{commentaryId}',
  tags: ['Alignments'],
  summary: 'The alignment report of a source and a commentary',
  description:
    'The AlignmentReport (SPEC §2, `alignment-report.schema.json`) between the latest versions of the two documents. ' +
    'Passage ids are stable across restarts. A report another engine made (a database from an older Verbatim) is served as it is with `"stale": true` until the server has made it again, in the background after its start. ' +
    'The ETag names the two texts (their SHA-256), the engine that made the report and the one serving it; send it back in `If-None-Match` to get a 304. ' +
    'On a team server (PostgreSQL) a document is aligned by a worker just after it is stored: until then the answer is `202 Accepted`, its `Location` the status to ask again. ' +
    'If the workers gave up on it (every try failed), the answer is `500` with a problem saying why, as the status does; adding either document again, or `verbatim realign`, queues it again.',
  // Read by the handler, not validated: any value is a valid If-None-Match (it just may not match).
  parameters: [{ name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer.', schema: { type: 'string' } }],
  request: {
    params: z.object({ sourceId: documentId('sourceId'), commentaryId: documentId('commentaryId', 'op-ed-expanding-sino-russian-cooperation') }),
  },
  responses: {
    200: {
      description: 'The report',
      headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
      content: { 'application/json': { schema: alignmentReportRef } },
    },
    202: {
      description: 'Not aligned yet: a worker is about to make it (team server only)',
      headers: {
        Location: { schema: { type: 'string' }, description: 'The status of the alignment.' },
        'Retry-After': { schema: { type: 'integer' }, description: 'Seconds after which to ask again.' },
      },
      content: { 'application/json': { schema: AlignmentPendingSchema } },
    },
    304: { description: 'The report has not changed since the ETag given' },
    ...problems(400, 404),
    500: {
      description: 'The workers of the team server gave up on this alignment (every try failed): `detail` says why and how to queue it again',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

const params = z.object({ sourceId: documentId('sourceId'), commentaryId: documentId('commentaryId', 'op-ed-expanding-sino-russian-cooperation') });

const status = createRoute({
  method: 'get',
  path: '/alignments/{sourceId}/{commentaryId}/status',
  tags: ['Alignments'],
  summary: 'Whether the alignment of a source and a commentary is ready',
  description:
    '`pending` while a worker of the team server has yet to make it, `ready` with the link to the report once made, `failed` with the reason (one sentence) once the workers gave up on it; 404 when there is no such alignment. ' +
    'On SQLite an alignment is made as its document is added, so it is never pending.',
  request: { params },
  responses: {
    200: { description: 'Pending or ready', content: { 'application/json': { schema: AlignmentStatusSchema } } },
    ...problems(400, 404),
  },
});

const pendingCount = createRoute({
  method: 'get',
  path: '/alignments/pending',
  tags: ['Alignments'],
  summary: 'How many alignments wait for a worker',
  description:
    'On a team server (PostgreSQL), the pairs of documents stored but not yet aligned by a worker (`pending`; 0 once every worker is done), and apart from them the pairs the workers gave up on (`failed`). Both are always 0 on SQLite.',
  responses: { 200: { description: 'The count', content: { 'application/json': { schema: PendingCountSchema } } } },
});

/** How a user queues again an alignment the workers gave up on. */
const AGAIN = 'Add either document again, or run verbatim realign, to queue it again.';

/** Seconds a client waits before asking again whether a pending alignment is ready. */
const RETRY_AFTER_SECONDS = 2;

/** The alignments between latest versions linking one of `ids`, each once, in the order of the whole list (source id, then commentary id). */
async function linksOf(store: RouteDeps['store'], ids: readonly string[]) {
  const found = new Map<string, AlignmentSummary>();
  for (const id of new Set(ids)) {
    for (const a of await store.alignmentsOf(id)) if (a.source.latest && a.commentary.latest) found.set(`${a.source.id}\u0000${a.commentary.id}`, a);
  }
  const bytes = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...found.values()].sort((x, y) => bytes(x.source.id, y.source.id) || bytes(x.commentary.id, y.commentary.id));
}

export function alignmentRoutes({ store, reports }: RouteDeps) {
  const app = router();
  for (const [name, schema] of Object.entries(alignmentReportComponents())) {
    app.openAPIRegistry.registerComponent('schemas', name, schema);
  }
  return app
    .openapi(list, async (c) => {
      const { documents } = c.req.valid('query');
      return c.json((documents === undefined ? await store.alignments() : await linksOf(store, documents.split(','))).map(linkOf), 200);
    })
    .openapi(pendingCount, async (c) => c.json({ pending: await store.pending(), failed: await store.failed() }, 200))
    .openapi(report, async (c) => {
      const { sourceId, commentaryId } = c.req.valid('param');
      const served = await reports.get(sourceId, commentaryId);
      if (!served) {
        const state = await store.alignmentState(sourceId, commentaryId);
        if (state.state === 'failed') {
          throw new ProblemError(500, `"${commentaryId}" could not be aligned with "${sourceId}". ${state.reason} ${AGAIN}`, {
            headers: { 'Cache-Control': 'no-store' },
          });
        }
        if (state.state === 'pending') {
          const location = statusPath(sourceId, commentaryId);
          c.header('Location', location);
          c.header('Retry-After', String(RETRY_AFTER_SECONDS));
          c.header('Cache-Control', 'no-store');
          return c.json({ state: 'pending' as const, status: location }, 202);
        }
        throw new ProblemError(404, await notFound(store, sourceId, commentaryId));
      }
      const headers = { ETag: served.etag, 'Cache-Control': CACHE_CONTROL };
      if (noneMatchHits(c.req.header('If-None-Match'), served.etag)) return c.body(null, 304, headers);
      return c.body(served.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    })
    .openapi(status, async (c) => {
      const { sourceId, commentaryId } = c.req.valid('param');
      const state = await store.alignmentState(sourceId, commentaryId);
      if (state.state === 'none') throw new ProblemError(404, await notFound(store, sourceId, commentaryId));
      c.header('Cache-Control', 'no-store');
      return c.json(state.state === 'ready' ? { state: state.state, report: reportPath(sourceId, commentaryId) } : state, 200);
    });
}

/** Which of the two is missing, or that they are not linked, and in which order they go. */
async function notFound(store: RouteDeps['store'], sourceId: string, commentaryId: string): Promise<string> {
  const missing: string[] = [];
  for (const id of [sourceId, commentaryId]) if ((await store.versions(id)).length === 0) missing.push(id);
  if (missing.length > 0) return `There is no document ${missing.map((id) => `"${id}"`).join(' and no document ')}.`;
  if (await store.alignment(commentaryId, sourceId)) {
    return `"${sourceId}" is the commentary and "${commentaryId}" the source: ask for /api/alignments/${commentaryId}/${sourceId}.`;
  }
  return `"${commentaryId}" quotes nothing from "${sourceId}" (no passage of one was found in the other), so there is no alignment of them.`;
}
