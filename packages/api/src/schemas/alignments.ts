import { createRequire } from 'node:module';
import { z } from '@hono/zod-openapi';
import { engineVersion, type AlignmentSummary } from '@verbatim/store';

const DocumentRefSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    sha256: z.string(),
    latest: z.boolean(),
  })
  .openapi('DocumentRef');

export const AlignmentSummarySchema = z
  .object({
    source: DocumentRefSchema,
    commentary: DocumentRefSchema,
    engineVersion: z.string().openapi({ example: engineVersion() }),
    created: z.string(),
    passages: z.number().int().openapi({ description: 'Passages found in the source.' }),
    notFound: z.number().int().openapi({ description: 'Quotations of at least four words the source does not contain.' }),
    coverage: z.object({ source: z.number(), commentary: z.number() }),
  })
  .openapi('AlignmentSummary');

export const LinkSchema = AlignmentSummarySchema.extend({
  stale: z.boolean().openapi({
    description: 'True when another engine than the running one made the report: it is being made again, and served as it was until then.',
  }),
}).openapi('AlignmentLink');

export type Link = AlignmentSummary & { stale: boolean };

/** Where an alignment's status is told: what a 202 names in its Location. */
export const statusPath = (sourceId: string, commentaryId: string) =>
  `/api/alignments/${encodeURIComponent(sourceId)}/${encodeURIComponent(commentaryId)}/status`;

export const reportPath = (sourceId: string, commentaryId: string) =>
  `/api/alignments/${encodeURIComponent(sourceId)}/${encodeURIComponent(commentaryId)}`;

export const AlignmentPendingSchema = z
  .object({
    state: z.literal('pending'),
    status: z.string().openapi({ example: statusPath('joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation'), description: 'Where to ask whether it is ready.' }),
  })
  .openapi('AlignmentPending', { description: 'The alignment is waiting for a worker of the team server (PostgreSQL); it is made within moments.' });

export const AlignmentStatusSchema = z
  .union([
    z.object({ state: z.literal('pending') }),
    z.object({
      state: z.literal('ready'),
      report: z.string().openapi({ example: reportPath('joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation'), description: 'The report.' }),
    }),
    z.object({
      state: z.literal('failed'),
      reason: z.string().openapi({
        example: "The workers met an error aligning them in 6 tries and gave up (the worker's log says which error).",
        description: 'Why the workers gave up, in one sentence. Adding either document again, or `verbatim realign`, queues the alignment again.',
      }),
    }),
  ])
  .openapi('AlignmentStatus');

export const PendingCountSchema = z
  .object({
    pending: z.number().int().openapi({ description: 'Pairs of documents waiting for a worker to align them; always 0 on SQLite.' }),
    failed: z.number().int().openapi({ description: 'Pairs the workers gave up on (every try failed), not counted in `pending`; always 0 on SQLite.' }),
  })
  .openapi('PendingAlignments');

/** A stored alignment as the API lists it: said stale when the running engine did not make it. */
export function linkOf(summary: AlignmentSummary): Link {
  return { ...summary, stale: summary.engineVersion !== engineVersion() };
}

type JsonSchema = { [key: string]: unknown };

const REPORT = 'AlignmentReport';

/**
 * The contract's JSON Schema (2020-12, which OpenAPI 3.1 speaks) as OpenAPI components:
 * the report itself and each of its `$defs`, with references rewritten to point at the
 * components, so the OpenAPI document describes reports with the very schema tests check.
 */
export function alignmentReportComponents(): Record<string, JsonSchema> {
  const contract = createRequire(import.meta.url)('@verbatim/core/alignment-report.schema.json') as JsonSchema;
  const { $schema: _schema, $id: _id, $defs = {}, ...report } = contract as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, `#/components/schemas/${REPORT}.`) : rewrite(v),
      ]),
    );
  };
  return {
    [REPORT]: rewrite(report) as JsonSchema,
    ...Object.fromEntries(Object.entries($defs).map(([name, def]) => [`${REPORT}.${name}`, rewrite(def) as JsonSchema])),
  };
}

export const alignmentReportRef = { $ref: `#/components/schemas/${REPORT}` };
