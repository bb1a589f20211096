import { z } from '@hono/zod-openapi';
import { AlignmentSummarySchema } from './alignments.js';

export const DocumentKindSchema = z.enum(['source', 'commentary']).openapi({ description: 'A primary source or a commentary that quotes sources.' });
export const DocumentFormatSchema = z.enum(['text', 'markdown', 'html']);

export const DocumentSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'joint-statement-2022-02-04' }),
    version: z.number().int(),
    versions: z.number().int().openapi({ description: 'How many versions the document has.' }),
    kind: DocumentKindSchema,
    format: DocumentFormatSchema,
    title: z.string(),
    date: z.string().nullable(),
    author: z.string().nullable(),
    issuer: z.string().nullable(),
    url: z.string().nullable(),
    language: z.string().nullable(),
    licence: z.string().nullable(),
    sha256: z.string().openapi({ description: 'SHA-256 of the stored plain text: the identity of this version.' }),
    length: z.number().int().openapi({ description: 'Length of the text in UTF-16 code units.' }),
    created: z.string(),
    alignments: z.number().int().openapi({ description: 'Alignments linking this version to other documents.' }),
    passages: z.number().int().openapi({ description: 'Passages found in those alignments.' }),
  })
  .openapi('DocumentSummary');

export const ParagraphSchema = z
  .object({
    ordinal: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    locator: z.string().openapi({ example: 'III.6', description: 'Section and paragraph (`III.6`, preamble `0.3`), `¶12`, or `title`.' }),
    section: z.string().nullable(),
    title: z.boolean(),
    text: z.string(),
    verification: z.enum(['confirmed', 'confirmed-in-part', 'corrected', 'unchecked']).nullable(),
    verificationNote: z.string().nullable(),
  })
  .openapi('Paragraph');

export const StoredDocumentSchema = DocumentSummarySchema.extend({
  text: z.string(),
  provenance: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  paragraphs: z.array(ParagraphSchema),
  emphasis: z.array(z.object({ start: z.number().int(), end: z.number().int(), kind: z.enum(['emphasis', 'strong']) })),
}).openapi('Document');

export const AddedDocumentSchema = StoredDocumentSchema.extend({
  outcome: z.enum(['added', 'new-version', 'existing']).openapi({
    description: '`existing` when the same text was already stored (status 200): nothing was written.',
  }),
  aligned: z.array(AlignmentSummarySchema).openapi({ description: 'The alignments linking this version to other documents.' }),
  pending: z
    .array(
      z.object({
        source: z.string(),
        commentary: z.string(),
        status: z.string().openapi({ description: 'Where to ask whether this alignment is ready.' }),
      }),
    )
    .openapi({
      description:
        'The alignments a worker of the team server (PostgreSQL) has yet to make for this version: each answers `202 Accepted` until it is made. Always empty on SQLite, where an add aligns before it answers.',
    }),
}).openapi('AddedDocument');

/** An empty form field is a field left blank, not a value. */
const optionalText = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().max(max).optional());

const metadata = {
  date: optionalText(64).openapi({ example: '2022-02-04' }),
  author: optionalText(500),
  issuer: optionalText(500),
  url: optionalText(2048).openapi({ example: 'http://en.kremlin.ru/supplement/5770' }),
  language: optionalText(35).openapi({ example: 'en' }),
  licence: optionalText(500),
  provenance: optionalText(5000),
  id: optionalText(128).openapi({ description: 'Giving the id of a stored document with other text adds a new version of it.' }),
};

export const AddDocumentJsonSchema = z
  .object({
    text: z.string().openapi({ description: 'The document, at most 5 MB of UTF-8.' }),
    format: DocumentFormatSchema.default('text'),
    kind: DocumentKindSchema,
    title: z.string().min(1).max(500).optional().openapi({ description: 'The first line of the text when left out.' }),
    ...metadata,
  })
  .strict()
  .openapi('AddDocument');

export const AddDocumentFormSchema = z
  .object({
    file: z.instanceof(File, { message: 'must be a file (plain text, Markdown or HTML)' }).openapi({ type: 'string', format: 'binary', description: 'A .txt, .md or .html file, UTF-8, at most 5 MB.' }),
    format: z.preprocess((v) => (v === '' ? undefined : v), DocumentFormatSchema.optional()).openapi({
      description: 'Taken from the file name or type when left out.',
    }),
    kind: DocumentKindSchema,
    title: optionalText(500).openapi({ description: 'The file name when left out.' }),
    ...metadata,
  })
  .openapi('AddDocumentUpload');

export const FetchDocumentSchema = z
  .object({
    address: z.string().min(1).max(2048).openapi({ example: 'https://example.org/2022/02/10/no-limits', description: 'The page to fetch: http or https, on the public internet.' }),
    kind: DocumentKindSchema,
    format: z.preprocess((v) => (v === '' ? undefined : v), DocumentFormatSchema.optional()).openapi({ description: 'Taken from the answer’s media type when left out.' }),
    title: optionalText(500).openapi({ description: 'The page’s own title (JSON-LD, Open Graph, `<title>`) when left out.' }),
    ...metadata,
  })
  .strict()
  .openapi('FetchDocument');

export const PreviewDocumentSchema = FetchDocumentSchema.omit({ kind: true }).openapi('PreviewDocument');

/**
 * What adding a page would store, read before adding it: a document summary's metadata (the
 * same fields, the same types), where the page was read from, and what its text would be.
 */
export const DocumentPreviewSchema = DocumentSummarySchema.pick({
  format: true,
  title: true,
  date: true,
  author: true,
  issuer: true,
  url: true,
  language: true,
  licence: true,
})
  .extend({
    address: z.string().openapi({ description: 'Where the page was read from, after redirects.' }),
    provenance: StoredDocumentSchema.shape.provenance,
    sha256: z.string().openapi({ description: 'SHA-256 of the plain text as it would be stored.' }),
    length: z.number().int().openapi({ description: 'Length of the plain text in UTF-16 code units.' }),
    paragraphs: z.number().int(),
    excerpt: z.string().openapi({ description: 'The text from its first paragraph after the title line, cut near 600 characters.' }),
  })
  .openapi('DocumentPreview');

/**
 * A field an edit may clear: null, or an empty string as a blanked form field, clears it.
 * Each has the length limit `AddDocument` gives it, so an edit is refused in the same words.
 */
const editableText = (max: number) => z.string().max(max).nullable().optional();

export const EditDocumentSchema = z
  .object({
    title: z.string().min(1).max(500).optional().openapi({ description: 'Every document has one: it cannot be cleared.' }),
    date: editableText(64).openapi({ example: '2022-02-04', description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    author: editableText(500),
    issuer: editableText(500),
    url: editableText(2048),
    language: editableText(35),
    licence: editableText(500),
    provenance: editableText(5000),
  })
  .strict()
  .openapi('EditDocument', {
    description: 'The fields to correct; a field left out is kept, null (or an empty string) clears it. Not the text: a new text is a new version (`POST /api/documents` with the id).',
  });

export type AddDocumentJson = z.infer<typeof AddDocumentJsonSchema>;
export type AddDocumentForm = z.infer<typeof AddDocumentFormSchema>;
export type EditDocument = z.infer<typeof EditDocumentSchema>;
export type PagePreview = z.infer<typeof DocumentPreviewSchema>;
