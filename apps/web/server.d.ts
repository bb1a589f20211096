import type { IncomingMessage, ServerResponse } from 'node:http';

export type WebHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * The built web app (apps/web/build) as a Node request handler; `next` is called for what the
 * app does not serve. Give it the host's API — its Hono app's `fetch` — so that the pages read
 * and write through it, in process; without one they open an API of their own.
 */
export function createWebHandler(options?: { api?: (request: Request) => Response | Promise<Response> }): Promise<WebHandler>;
