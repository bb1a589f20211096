import { createRoute, z } from '@hono/zod-openapi';
import type { AlignmentReport, AlignmentSummary, Store } from '@verbatim/store';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import { LinkSchema, linkOf } from '../schemas/alignments.js';
import { documentId, problems } from '../schemas/common.js';

type Passage = AlignmentReport['passages'][number];

const LinkedPassageSchema = z
  .object({
    id: z.string().openapi({ example: 'p-cd3819a3ad4e32b4' }),
    n: z.number().int().openapi({ description: 'Its number in the comparison: the passages of an alignment counted in commentary order from 1.' }),
    kind: z.enum(['quotation', 'borrowing']),
    status: z.enum(['verbatim', 'variant', 'altered', 'paraphrased', 'not_found']),
    sourceId: z.string(),
    commentaryId: z.string(),
    other: z.object({ id: z.string(), title: z.string() }).openapi({ description: 'The document at the other end of the alignment.' }),
    start: z.number().int().openapi({ description: 'Where the passage starts in this document’s text (UTF-16 code units).' }),
    end: z.number().int(),
    locator: z.string().nullable().openapi({ description: 'The source locator the passage is pinned to (`III.6`); null for a quotation not found. When `candidates` is present, the first of them.' }),
    candidates: z
      .array(
        z.object({
          start: z.number().int().openapi({ description: 'Where the place starts in the source’s text (UTF-16 code units), whichever document this is.' }),
          end: z.number().int(),
          locator: z.string().openapi({ example: 'II.4' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'Present when two or more source places fit the passage equally well: every one, in source order (`locator` is the first). Nothing in the passage’s words tells which was quoted, so a source document lists the passage at each of them, and `start`/`end` keep it when any of them touches the stretch.',
      }),
  })
  .openapi('LinkedPassage');

const DocumentPassagesSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['source', 'commentary']),
    version: z.number().int(),
    alignments: z.array(LinkSchema),
    passages: z.array(LinkedPassageSchema),
  })
  .openapi('DocumentPassages');

/** A linked passage, its kind and status the engine's own types (the schema documents them). */
export type LinkedPassage = Omit<z.infer<typeof LinkedPassageSchema>, 'kind' | 'status'> & Pick<Passage, 'kind' | 'status'>;
export type DocumentPassages = Omit<z.infer<typeof DocumentPassagesSchema>, 'passages'> & { passages: LinkedPassage[] };

const passages = createRoute({
  method: 'get',
  path: '/documents/{id}/passages',
  tags: ['Documents'],
  summary: 'The passages that link a document to others',
  description:
    'For the latest version of a document: its alignments with the latest versions of other documents, and every passage of them placed in this document’s text — ' +
    'for a source, where each commentary quotes it; for a commentary, what it quotes and from where. `start` and `end` keep the passages that touch a stretch of the text (a paragraph, a search hit).',
  request: {
    params: z.object({ id: documentId('id') }),
    query: z.object({
      start: z.coerce.number().int().min(0).optional().openapi({ description: 'Only passages ending after this offset.' }),
      end: z.coerce.number().int().min(0).optional().openapi({ description: 'Only passages starting before this offset.' }),
    }),
  },
  responses: {
    200: { description: 'The alignments and their passages', content: { 'application/json': { schema: DocumentPassagesSchema } } },
    ...problems(400, 404),
  },
});

export function documentPassageRoutes({ store }: RouteDeps) {
  return router().openapi(passages, async (c) => {
    const { id } = c.req.valid('param');
    const { start = 0, end = Number.POSITIVE_INFINITY } = c.req.valid('query');
    const doc = await store.get(id);
    if (!doc) throw new ProblemError(404, `There is no document "${id}".`);
    const alignments = (await store.alignmentsOf(id)).filter((a) => a.source.latest && a.commentary.latest);
    const isSource = doc.kind === 'source';
    const numbered = await Promise.all(alignments.map((a) => passagesOf(store, a)));
    const placed = alignments.flatMap((a, i) =>
      numbered[i]!.flatMap(({ passage, n }) => {
        const span = isSource ? passage.source : passage.commentary;
        if (!span) return [];
        const candidates = 'candidates' in passage && passage.candidates && passage.candidates.length > 1
          ? passage.candidates.map((c) => ({ start: c.start, end: c.end, locator: c.locator }))
          : undefined;
        // In a source, a tied passage stands at each of its places: any of them may be the one quoted.
        const places = isSource && candidates ? candidates : [span];
        if (!places.some((s) => s.end > start && s.start < end)) return [];
        const other = isSource ? a.commentary : a.source;
        return [
          {
            id: passage.id,
            n,
            kind: passage.kind,
            status: passage.status,
            sourceId: a.source.id,
            commentaryId: a.commentary.id,
            other: { id: other.id, title: other.title },
            start: span.start,
            end: span.end,
            locator: passage.source?.locator ?? null,
            ...(candidates && { candidates }),
          },
        ];
      }),
    );
    return c.json({ id: doc.id, kind: doc.kind, version: doc.version, alignments: alignments.map(linkOf), passages: placed }, 200);
  });
}

/** An alignment's passages numbered as the comparison page numbers them: in commentary order. */
async function passagesOf(store: Store, a: AlignmentSummary): Promise<Array<{ passage: Passage; n: number }>> {
  const report = await store.alignment(a.source.id, a.commentary.id);
  return [...(report?.passages ?? [])].sort((x, y) => x.commentary.start - y.commentary.start).map((passage, i) => ({ passage, n: i + 1 }));
}
