import { createRoute, z } from '@hono/zod-openapi';
import { engineVersion, type CheckedPassage, type CheckPlace, type CheckResult } from '@verbatim/store';
import { describeLocator } from '../citations/locator.js';
import { chicagoNote } from '../citations/text.js';
import { router, type RouteDeps } from '../router.js';
import { problems } from '../schemas/common.js';

/** The fact-checker's question of issue 12: a short phrase, and a quotation with a word added. */
const EXAMPLE_TEXT = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";

const CheckRequestSchema = z
  .object({
    text: z.string().openapi({
      description: 'The text to check: one sentence to a few pages (at most 100 KB), with its quotations in quotation marks.',
      example: EXAMPLE_TEXT,
    }),
  })
  .openapi('CheckRequest');

const DocumentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  issuer: z.string().nullable(),
  url: z.string().nullable(),
  sha256: z.string(),
});

/** A passage of the AlignmentReport contract, and where it was found. */
const CheckedPassageSchema = z
  .object({
    document: DocumentSchema.nullable().openapi({ description: 'The source it was found in (its latest version); null when no source of the corpus has it.' }),
    unverified: z.array(z.string()).openapi({ description: 'Locators of the source paragraphs it quotes that nobody has checked against the official text.' }),
    citation: z.string().nullable().openapi({ description: 'A Chicago-style note citing the source passage (as `/api/passages/{id}/citation?format=text` gives for a stored alignment); null when not found.' }),
    candidates: z
      .array(
        z.object({
          start: z.number().int(),
          end: z.number().int(),
          text: z.string(),
          locator: z.string(),
          document: DocumentSchema,
        }),
      )
      .optional()
      .openapi({
        description:
          'Present when two or more source places fit the passage equally well — twice in one source, or in several sources: every one, each with its document (`document` and `source` are the first). The evidence cannot tell which was quoted.',
      }),
  })
  .passthrough()
  .openapi('CheckedPassage', {
    description:
      'A quotation or borrowing of the checked text: every field of an AlignmentReport passage (`#/components/schemas/AlignmentReport.passage`: id, kind, status, the `commentary` span in the checked text, the `source` span with its locator, similarity, differences, marks, context, and `candidates` — every source place, in source order, when the passage fits several equally: `source`, its differences, context and citation are those of the first), plus these.',
  });

const CheckResultSchema = z
  .object({
    engineVersion: z.string(),
    text: z.object({ length: z.number().int(), sha256: z.string() }),
    sourcesSearched: z.number().int().openapi({ description: 'The sources of the corpus, every one of which was searched.' }),
    sourcesAligned: z.number().int().openapi({ description: 'The candidate sources the indexes named, each aligned with the text.' }),
    passages: z.array(CheckedPassageSchema),
  })
  .openapi('CheckResult');

const EXAMPLE_SOURCE = {
  id: 'joint-statement-2022-02-04',
  version: 1,
  title: "Joint Statement of the Russian Federation and the People's Republic of China on the International Relations Entering a New Era and the Global Sustainable Development",
  date: '2022-02-04',
  author: 'Vladimir Putin and Xi Jinping (signatories)',
  issuer: "The Russian Federation and the People's Republic of China",
  url: 'http://en.kremlin.ru/supplement/5770',
  sha256: 'f6dd615cc59fc6bdff59022b4e080ef23f3e274e16b5cff026df109f34c0fe34',
};
const EXAMPLE_CITATION = (place: string, words: string) =>
  `${EXAMPLE_SOURCE.issuer}, “${EXAMPLE_SOURCE.title},” February 4, 2022, ${place}, ${EXAMPLE_SOURCE.url}: “${words}.”`;

const EXAMPLE_RESULT = {
  engineVersion: engineVersion(),
  text: { length: 109, sha256: 'f7771399c608c7895c637133c7a5faa79fa930cc02246c8096637ca88b759376' },
  sourcesSearched: 1,
  sourcesAligned: 1,
  passages: [
    {
      id: 'p-84f6bee5ead97313',
      kind: 'quotation',
      quotationMarks: 'paired',
      status: 'verbatim',
      commentary: { start: 44, end: 53, text: 'no limits' },
      source: { start: 29908, end: 29917, text: 'no limits', locator: 'IV.5' },
      similarity: 1,
      differences: [],
      marks: [],
      context: {
        before: 'Friendship between the two States has',
        after:
          ', there are no "forbidden" areas of cooperation, strengthening of bilateral strategic cooperation is neither aimed against third countries nor affected by the changing international environment and circumstantial changes in third countries.',
      },
      document: EXAMPLE_SOURCE,
      unverified: [],
      citation: EXAMPLE_CITATION('sec. IV, para. 5', 'no limits'),
    },
    {
      id: 'p-61685fff0ccc7e10',
      kind: 'quotation',
      quotationMarks: 'paired',
      status: 'altered',
      commentary: { start: 70, end: 108, text: 'oppose any further enlargement of NATO' },
      source: { start: 15448, end: 15482, text: 'oppose further enlargement of NATO', locator: 'III.6' },
      similarity: 0.909,
      differences: [
        { type: 'insert', category: 'wording', editorial: false, commentary: { start: 77, end: 80, text: 'any' }, source: { start: 15454, end: 15454, text: '' } },
      ],
      marks: [],
      context: {
        before: 'The sides',
        after:
          'and call on the North Atlantic Alliance to abandon its ideologized cold war approaches, to respect the sovereignty, security and interests of other countries, the diversity of their civilizational, cultural and historical backgrounds, and to exercise a fair and objective attitude towards the peaceful development of other States.',
      },
      document: EXAMPLE_SOURCE,
      unverified: [],
      citation: EXAMPLE_CITATION('sec. III, para. 6', 'oppose further enlargement of NATO'),
    },
  ],
};

const check = createRoute({
  method: 'post',
  path: '/check',
  tags: ['Check'],
  summary: 'Check the quotations of a text against the whole corpus',
  description:
    'Finds every quotation and unmarked borrowing of the text and, for each, the best source passage in the whole corpus (through the word 4-gram and full-text indexes, then the alignment engine against the few candidate sources): ' +
    'its verdict (`verbatim`, `variant`, `altered`, `not_found`…), source document and locator, word differences (a word the quoter added is an `insert` whose commentary span is that word), the source words the quotation cut off (`context`), and a citation. ' +
    'Different quotations may come from different sources. A quotation in no source is `not_found` with `document: null`, and `sourcesSearched` says how many sources that covers. ' +
    'Nothing is stored, so no token is needed; requests are limited per client (a 429 with Retry-After past the limit) and the body to 1 MB. ' +
    'The `Server-Timing` header splits the time between candidate search and alignment.',
  request: {
    body: { content: { 'application/json': { schema: CheckRequestSchema, example: { text: EXAMPLE_TEXT } } }, required: true },
  },
  responses: {
    200: {
      description: 'The verdicts, in the order of the text',
      headers: { 'Server-Timing': { schema: { type: 'string' }, description: '`candidates;dur=…, align;dur=…` in milliseconds' } },
      content: { 'application/json': { schema: CheckResultSchema, example: EXAMPLE_RESULT } },
    },
    ...problems(400, 413, 415, 429),
  },
});

/** A POST that changes nothing: no token is asked of it. */
export const CHECK_PATH = '/api/check';

export function checkRoutes({ store }: RouteDeps) {
  return router().openapi(check, async (c) => {
    const { text } = c.req.valid('json');
    const { timing, ...result } = await store.check(text);
    c.header('Server-Timing', `candidates;dur=${timing.candidates}, align;dur=${timing.alignment}`);
    return c.json({ ...result, passages: result.passages.map(withCitation) }, 200);
  });
}

function withCitation(p: CheckedPassage): CheckedPassage & { citation: string | null } {
  if (p.document === null) return { ...p, citation: null };
  const note = chicagoNote({
    source: p.document,
    place: describeLocator(p.source.locator),
    words: p.source.text.replace(/\s+/g, ' ').trim(),
    unchecked: p.unverified.map((locator) => ({ locator })),
    ...tiedPlaces(p.candidates ?? []),
  });
  return { ...p, citation: note };
}

/** The places a checked passage fits equally, as a note names them: with their documents' titles when they lie in several. */
function tiedPlaces(candidates: readonly CheckPlace[]): { tiedPlaces: string[]; tiedSources: number } {
  if (candidates.length < 2) return { tiedPlaces: [], tiedSources: 1 };
  const sources = new Set(candidates.map((c) => c.document.id)).size;
  const place = (c: CheckPlace) => (sources > 1 ? `${c.document.title}, ${describeLocator(c.locator)}` : describeLocator(c.locator));
  return { tiedPlaces: candidates.map(place), tiedSources: sources };
}

export type CheckResponse = Omit<CheckResult, 'timing' | 'passages'> & { passages: Array<CheckedPassage & { citation: string | null }> };
