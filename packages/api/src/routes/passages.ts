import { createRoute, z } from '@hono/zod-openapi';
import { webAnnotation } from '../citations/annotation.js';
import { citedPassage, type CitedPassage } from '../citations/cited-passage.js';
import { cslItem, formatItem } from '../citations/csl.js';
import { CITATION_EXTENSION, CITATION_FORMATS, CITATION_MEDIA, type CitationFormat } from '../citations/formats.js';
import { chicagoNote } from '../citations/text.js';
import { ProblemError } from '../problem.js';
import { router, type RouteDeps } from '../router.js';
import { problems } from '../schemas/common.js';

const citation = createRoute({
  method: 'get',
  path: '/passages/{passageId}/citation',
  tags: ['Citations'],
  summary: 'Cite a passage',
  description:
    'The source passage an aligned passage reproduces, cited: `text` a Chicago-style note (issuer, title, date, section and paragraph, URL, the quoted words, and a warning when the paragraph was not independently verified); ' +
    '`bibtex`, `ris` and `csl-json` written by citation-js from one CSL-JSON item; `annotation` a W3C Web Annotation whose target selects the passage in the source text ' +
    '(TextQuoteSelector, and TextPositionSelector counted in Unicode code points) and names the SHA-256 of that text. Passage ids, and so citations, are stable across restarts.',
  request: {
    params: z.object({
      passageId: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,128}$/, { message: 'is not a passage id' })
        .openapi({ param: { name: 'passageId', in: 'path' }, example: 'p-8186a1918e9c1c20' }),
    }),
    query: z.object({ format: z.enum(CITATION_FORMATS).default('text') }),
  },
  responses: {
    200: {
      description: 'The citation',
      content: {
        'text/plain': { schema: z.string() },
        'application/x-bibtex': { schema: z.string() },
        'application/x-research-info-systems': { schema: z.string() },
        'application/vnd.citationstyles.csl+json': { schema: z.array(z.object({ id: z.string(), type: z.string(), title: z.string() }).passthrough()) },
        'application/ld+json': { schema: z.object({ '@context': z.string(), id: z.string(), type: z.literal('Annotation') }).passthrough() },
      },
    },
    ...problems(400, 404),
  },
});

export function passageRoutes({ store, publicUrl }: RouteDeps) {
  return router().openapi(citation, async (c) => {
    const { passageId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const record = await store.passage(passageId);
    if (!record) throw new ProblemError(404, `There is no passage "${passageId}"; passage ids come from an alignment report.`);
    const cited = citedPassage(record);
    if (!cited) {
      throw new ProblemError(404, `The passage "${passageId}" is a quotation not found in the source, so there is no source passage to cite.`);
    }
    const url = new URL(c.req.url);
    const self = `${publicUrl ?? url.origin}${url.pathname}?format=annotation`;
    return c.body(render(cited, format, self), 200, {
      'Content-Type': CITATION_MEDIA[format],
      'Content-Disposition': `inline; filename="${passageId}.${CITATION_EXTENSION[format]}"`,
    });
  });
}

function render(cited: CitedPassage, format: CitationFormat, annotationId: string): string {
  switch (format) {
    case 'text':
      return `${chicagoNote(cited)}\n`;
    case 'annotation':
      return `${JSON.stringify(webAnnotation(cited, annotationId), null, 2)}\n`;
    default:
      return formatItem(cslItem(cited), format);
  }
}
