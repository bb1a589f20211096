import { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '@verbatim/store';
import type { ReportCache } from './reports.js';
import { validationHook } from './validation.js';

/** What the routes share: the store and the reports served from it. */
export interface RouteDeps {
  store: Store;
  reports: ReportCache;
  /** The public origin for IRIs the API mints (annotation ids); the request's when unset. */
  publicUrl: string | undefined;
  /** Whether pages on loopback and private addresses may be fetched. */
  fetchPrivate: boolean;
}

/** A feature's router: every validation failure goes through the same hook. */
export function router(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationHook });
}
