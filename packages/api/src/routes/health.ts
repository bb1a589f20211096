import { createRoute, z } from '@hono/zod-openapi';
import { engineVersion } from '@verbatim/store';
import { router } from '../router.js';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    engine: z.string().openapi({ example: engineVersion(), description: 'The alignment engine this server runs.' }),
    database: z.enum(['sqlite', 'postgres']).openapi({
      description: 'Where the corpus is kept: the embedded SQLite file (one machine), or PostgreSQL (a team server). Never its path or address.',
    }),
    tokenRequired: z.boolean().openapi({ description: 'Whether writes need `Authorization: Bearer <token>` (the server was given VERBATIM_TOKEN).' }),
  })
  .openapi('Health');

export type Health = z.infer<typeof HealthSchema>;

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Service'],
  summary: 'Whether the server is up',
  description: 'A liveness check: answers without touching the database, so it is also the baseline of the latency benchmark.',
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: HealthSchema } } } },
});

export function healthRoutes({ tokenRequired, database }: { tokenRequired: boolean; database: Health['database'] }) {
  const engine = engineVersion();
  return router().openapi(health, (c) => c.json({ status: 'ok' as const, engine, database, tokenRequired }, 200));
}
