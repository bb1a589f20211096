import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LIST_LIMIT, DOCUMENT_ORDERS, describeDocument, fetchPage, MAX_LIST_LIMIT, type AddInput, type AddResult } from '@verbatim/store';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import {
  AddDocumentFormSchema,
  AddDocumentJsonSchema,
  AddedDocumentSchema,
  DocumentPreviewSchema,
  DocumentKindSchema,
  DocumentSummarySchema,
  EditDocumentSchema,
  FetchDocumentSchema,
  PreviewDocumentSchema,
  StoredDocumentSchema,
} from '../schemas/documents.js';
import { statusPath } from '../schemas/alignments.js';
import { documentId, problems } from '../schemas/common.js';
import { formatOfUpload, titleOfUpload } from '../upload.js';
import { listedPage } from '../paging/documents-page.js';

const ListQuerySchema = z.object({
  kind: DocumentKindSchema.optional().openapi({ description: 'Only sources, or only commentaries.' }),
  sort: z.enum(DOCUMENT_ORDERS).optional().openapi({
    description:
      'Sources first, then by date: `date` oldest first (the default), `-date` newest first; undated documents after the dated ones either way; then by title and id.',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIST_LIMIT)
    .optional()
    .openapi({ description: `Documents on the page: ${DEFAULT_LIST_LIMIT} unless asked otherwise, at most ${MAX_LIST_LIMIT}.`, example: DEFAULT_LIST_LIMIT }),
  cursor: z.string().optional().openapi({
    description:
      'Where the page starts: the `cursor` of the previous page’s `next` link, opaque. It carries that listing’s `kind` and `sort`; give the same ones or none.',
  }),
});

const list = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['Documents'],
  summary: 'The documents of the corpus, a page at a time',
  description:
    'The latest version of each document, sources first, then by date, title and id (`sort`), ' +
    `${DEFAULT_LIST_LIMIT} a page unless \`limit\` says otherwise. The body is the page: an array of documents. ` +
    'When more follow, the `Link` header gives the next page (`<…/api/documents?…&cursor=…>; rel="next"`, RFC 8288) with the same `kind`, `sort` and `limit`; the last page has none. ' +
    'Pages follow each other by the last document shown (keyset paging), not by an offset: a document added or deleted meanwhile never makes the next page repeat or skip one. ' +
    '`X-Total-Count` says how many documents the listing holds over all its pages.',
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: 'A page of documents',
      headers: {
        Link: { schema: { type: 'string' }, description: 'The next page, `<url>; rel="next"`; absent on the last page.' },
        'X-Total-Count': { schema: { type: 'integer' }, description: 'Documents of the listing over all its pages.' },
      },
      content: { 'application/json': { schema: z.array(DocumentSummarySchema) } },
    },
    ...problems(400),
  },
});

const get = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['Documents'],
  summary: 'One document with its text and paragraphs',
  description: 'Each paragraph carries its locator and, for checked transcriptions, its verification status and note.',
  request: {
    params: z.object({ id: documentId('id') }),
    query: z.object({
      version: z.coerce.number().int().min(1).optional().openapi({ description: 'An older version; the latest by default.' }),
    }),
  },
  responses: {
    200: { description: 'The document', content: { 'application/json': { schema: StoredDocumentSchema } } },
    ...problems(400, 404),
  },
});

const addBody = {
  content: {
    'application/json': { schema: AddDocumentJsonSchema },
    'multipart/form-data': { schema: AddDocumentFormSchema },
  },
};

const add = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['Documents'],
  summary: 'Add a document and align it',
  description:
    'Stores the document and aligns it as `verbatim add` does: a commentary against every source it quotes, a source against every commentary quoting it. ' +
    'Send JSON, or a multipart form with a `file` field. The same text again answers 200 with the stored document; giving the `id` of a stored document with other text adds a version. ' +
    'On a team server (PostgreSQL) the answer comes once the document is stored: its alignments are made by the workers just after, and `pending` names each with its status link.',
  security: [{ Bearer: [] }],
  // Both media types' validators run on every request, so neither can be "required" to the
  // validator; the handler refuses a request with neither (documented as required below).
  request: { body: { ...addBody, required: false } },
  responses: {
    201: { description: 'Stored and aligned', content: { 'application/json': { schema: AddedDocumentSchema } } },
    200: { description: 'The same text was already stored: the existing document', content: { 'application/json': { schema: AddedDocumentSchema } } },
    ...problems(400, 401, 403, 413, 415, 503),
  },
});

const fetchAndAdd = createRoute({
  method: 'post',
  path: '/documents/fetch',
  tags: ['Documents'],
  summary: 'Fetch a page by its address, add its article and align it',
  description:
    'Fetches the page (http or https; at most 5 MB, 5 redirects and 15 seconds; never a loopback or private address unless the server runs with `VERBATIM_FETCH_PRIVATE=1`), then adds it as `POST /api/documents` does. ' +
    'An HTML page’s title, author, date, canonical address and site (JSON-LD, Open Graph and article meta tags) fill the fields left out; the fetched address is the `url` when the page names none. ' +
    'A refused address is a 400, a server that did not give the page a 502.',
  security: [{ Bearer: [] }],
  request: { body: { content: { 'application/json': { schema: FetchDocumentSchema } }, required: true } },
  responses: {
    201: { description: 'Fetched, stored and aligned', content: { 'application/json': { schema: AddedDocumentSchema } } },
    200: { description: 'The same text was already stored: the existing document', content: { 'application/json': { schema: AddedDocumentSchema } } },
    ...problems(400, 401, 403, 413, 415, 502, 503),
  },
});

const edit = createRoute({
  method: 'patch',
  path: '/documents/{id}',
  tags: ['Documents'],
  summary: 'Correct a document’s metadata',
  description:
    'Changes the title, date, author, issuer, url, language, licence or provenance of the latest version in place: the same version, text and alignments. ' +
    'A field left out is kept; null (or an empty string) clears it. The fields are checked as `POST /api/documents` checks them, in the same words. ' +
    'The text is not edited: a new text is a new version. A corrected field of a document shipped in `corpus/` keeps the correction when the server starts again: its `*.meta.json` no longer sets that field.',
  security: [{ Bearer: [] }],
  request: {
    params: z.object({ id: documentId('id') }),
    body: { content: { 'application/json': { schema: EditDocumentSchema } }, required: true },
  },
  responses: {
    200: { description: 'The document as it now is', content: { 'application/json': { schema: StoredDocumentSchema } } },
    ...problems(400, 401, 403, 404, 415),
  },
});

const preview = createRoute({
  method: 'post',
  path: '/documents/preview',
  tags: ['Documents'],
  summary: 'Fetch a page by its address and say what adding it would store, storing nothing',
  description:
    'Fetches the page as `POST /api/documents/fetch` does (the same addresses, limits and refusals) and answers with the metadata adding it would store — the fields given, else the page’s own title, author, date, canonical address and site — and the start of its text. ' +
    'Nothing is stored: the add page shows it to the curator, who corrects what needs correcting before adding. A write for the token and the origin check, as it makes the server fetch.',
  security: [{ Bearer: [] }],
  request: { body: { content: { 'application/json': { schema: PreviewDocumentSchema } }, required: true } },
  responses: {
    200: { description: 'What adding the page would store', content: { 'application/json': { schema: DocumentPreviewSchema } } },
    ...problems(400, 401, 403, 413, 415, 502),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  tags: ['Documents'],
  summary: 'Delete a document',
  description: 'Deletes every version and its alignments. A deleted corpus document is not loaded again at the next start.',
  security: [{ Bearer: [] }],
  request: { params: z.object({ id: documentId('id') }) },
  responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404) },
});

export function documentRoutes({ store, reports, fetchPrivate, publicUrl }: RouteDeps) {
  const app = router();
  // The OpenAPI document says what a client must send: a body, in one of the two types.
  app.openAPIRegistry.registerPath({ ...add, request: { body: { ...addBody, required: true } } });

  return app
    .openapi(list, async (c) => {
      const page = await listedPage(store, c.req.valid('query'));
      c.header('X-Total-Count', String(page.total));
      if (page.next) c.header('Link', `<${publicUrl ?? new URL(c.req.url).origin}/api/documents?${page.next}>; rel="next"`);
      return c.json(page.documents, 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const doc = await store.get(id, version === undefined ? {} : { version });
      if (!doc) {
        throw new ProblemError(
          404,
          version !== undefined && (await store.versions(id)).length > 0
            ? `The document "${id}" has no version ${version}; it has ${(await store.versions(id)).length}.`
            : `There is no document "${id}".`,
        );
      }
      return c.json(doc, 200);
    })
    .openapi({ ...add, hide: true }, async (c) => {
      const input = await addInput(c.req.header('Content-Type'), () => c.req.valid('json'), () => c.req.valid('form'));
      const stored: AddResult = await store.add(input);
      reports.forget(stored.id);
      const body = await addedBody(store, stored);
      if (stored.outcome === 'existing') return c.json(body, 200);
      c.header('Location', `/api/documents/${encodeURIComponent(stored.id)}`);
      return c.json(body, 201);
    })
    .openapi(fetchAndAdd, async (c) => {
      const { address, format, ...meta } = c.req.valid('json');
      const page = await fetchPage(address, { allowPrivate: fetchPrivate });
      const stored: AddResult = await store.add({ ...meta, text: page.text, format: format ?? page.format, pageUrl: page.url });
      reports.forget(stored.id);
      const body = await addedBody(store, stored);
      if (stored.outcome === 'existing') return c.json(body, 200);
      c.header('Location', `/api/documents/${encodeURIComponent(stored.id)}`);
      return c.json(body, 201);
    })
    .openapi(preview, async (c) => {
      const { address, format, ...meta } = c.req.valid('json');
      const page = await fetchPage(address, { allowPrivate: fetchPrivate });
      const described = describeDocument({ ...meta, text: page.text, format: format ?? page.format, pageUrl: page.url });
      return c.json({ address: page.url, ...described }, 200);
    })
    .openapi(edit, async (c) => {
      const { id } = c.req.valid('param');
      const changes = c.req.valid('json');
      if (Object.keys(changes).length === 0) {
        throw new ProblemError(400, 'Name at least one field to change: title, date, author, issuer, url, language, licence or provenance.');
      }
      const doc = await store.edit(id, changes);
      if (!doc) throw new ProblemError(404, `There is no document "${id}" to edit.`);
      reports.forget(id);
      return c.json(doc, 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.delete(id))) throw new ProblemError(404, `There is no document "${id}" to delete.`);
      reports.forget(id);
      return c.body(null, 204);
    });
}

/** What an add answers: the stored document, its alignments, and those still to be made, with their status links. */
async function addedBody(store: RouteDeps['store'], stored: AddResult) {
  const { pending, ...document } = stored;
  return {
    ...document,
    aligned: await store.alignmentsOf(stored.id),
    pending: pending.map((p) => ({ source: p.sourceId, commentary: p.commentaryId, status: statusPath(p.sourceId, p.commentaryId) })),
  };
}

type JsonBody = z.infer<typeof AddDocumentJsonSchema>;
type FormBody = z.infer<typeof AddDocumentFormSchema>;

/**
 * The store's input from whichever body was sent. Each media type's validator leaves `{}`
 * for a request of the other type, so the validated data is read for the type sent only.
 */
async function addInput(contentType: string | undefined, json: () => unknown, form: () => unknown): Promise<AddInput> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const { file, format, title, ...meta } = form() as FormBody;
    return { ...meta, bytes: new Uint8Array(await file.arrayBuffer()), format: formatOfUpload(file, format), title: title ?? titleOfUpload(file) };
  }
  if (/^application\/([\w.-]+\+)?json$/.test(type)) return json() as JsonBody;
  throw new ProblemError(400, 'Send the document as a JSON body ({"text", "kind", "title", …}) or as a multipart form with a "file" field.');
}
