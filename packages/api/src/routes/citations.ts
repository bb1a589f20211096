import { createRoute, z } from '@hono/zod-openapi';
import { citedPassage } from '../citations/cited-passage.js';
import { cslItem, formatItems, type BibliographicFormat } from '../citations/csl.js';
import { CITATION_EXTENSION, CITATION_MEDIA } from '../citations/formats.js';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import { documentId, problems } from '../schemas/common.js';

const FORMATS = ['bibtex', 'ris', 'csl-json'] as const satisfies readonly BibliographicFormat[];

const citations = createRoute({
  method: 'get',
  path: '/alignments/{sourceId}/{commentaryId}/citations',
  tags: ['Citations'],
  summary: 'Cite every passage of an alignment',
  description:
    'The citation of every passage found in the source, in commentary order, as one file: BibTeX entries or RIS records one after another, or one CSL-JSON array. ' +
    'Each is the one `/api/passages/{passageId}/citation` gives; a quotation not found in the source has nothing to cite and is left out. Served as an attachment.',
  request: {
    params: z.object({ sourceId: documentId('sourceId'), commentaryId: documentId('commentaryId', 'op-ed-expanding-sino-russian-cooperation') }),
    query: z.object({ format: z.enum(FORMATS).default('bibtex') }),
  },
  responses: {
    200: {
      description: 'The citations',
      content: {
        'application/x-bibtex': { schema: z.string() },
        'application/x-research-info-systems': { schema: z.string() },
        'application/vnd.citationstyles.csl+json': { schema: z.array(z.object({ id: z.string(), type: z.string(), title: z.string() }).passthrough()) },
      },
    },
    ...problems(400, 404),
  },
});

export function citationRoutes({ store }: RouteDeps) {
  return router().openapi(citations, async (c) => {
    const { sourceId, commentaryId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const report = await store.alignment(sourceId, commentaryId);
    if (!report) throw new ProblemError(404, `There is no alignment of "${commentaryId}" with "${sourceId}"; /api/alignments/${sourceId}/${commentaryId} says why.`);
    const ordered = [...report.passages].sort((a, b) => a.commentary.start - b.commentary.start);
    const items = (
      await Promise.all(
        ordered.map(async (p) => {
          const record = await store.passage(p.id);
          const cited = record ? citedPassage(record) : undefined;
          return cited ? [cslItem(cited)] : [];
        }),
      )
    ).flat();
    return c.body(formatItems(items, format), 200, {
      'Content-Type': CITATION_MEDIA[format],
      'Content-Disposition': `attachment; filename="${commentaryId}-citations.${CITATION_EXTENSION[format]}"`,
    });
  });
}
