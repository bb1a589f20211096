import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '@verbatim/store';

export type WebHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * The built web app (apps/web/build) as a Node request handler; `next` is called for what the
 * app does not serve. Give it the host's store so that the pages share its connection.
 */
export function createWebHandler(options?: { store?: Store }): Promise<WebHandler>;
