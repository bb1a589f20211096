import { error, type Handle, type HandleServerError } from '@sveltejs/kit';
import { discardBody, FORM_BODY_BYTES, isStreamedAddForm } from '$lib/server/add-form';
import { apiFor } from '$lib/server/api';
import { hostApi } from '$lib/server/host-api';
import { TOO_LARGE } from '$lib/too-large';

/** The reader's address as adapter-node sees it; none in some hosts (tests calling the handler directly). */
function clientAddress(event: Parameters<Handle>[0]['event']): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    return undefined;
  }
}

export const handle: Handle = async ({ event, resolve }) => {
  const api = await hostApi(event.platform);
  // On its own (vite dev), the app also answers /api itself, with the API it opened: the
  // pages' citations and downloads then work without a server beside it. Under apps/server,
  // /api never reaches the app.
  if (api.own && (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/'))) {
    // From the network, so it may not name its own client for the API's limits.
    const request = new Request(event.request);
    request.headers.delete('x-verbatim-client');
    return api.fetch(request);
  }
  // The host takes bodies of any size (apps/web/server.js) so that the add form can read an
  // upload over the limit and give the form back; every other post is held to one limit here.
  if (event.request.body && !isStreamedAddForm(event.request, event.url.pathname)) {
    const length = event.request.headers.get('content-length');
    if (length === null || Number(length) > FORM_BODY_BYTES) {
      await discardBody(event.request.body);
      if (length === null) error(411, 'A form post must say its length (Content-Length).');
      error(413, TOO_LARGE);
    }
  }
  event.locals.api = apiFor(api.fetch, event.url.origin, clientAddress(event));
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
};

/**
 * Expected failures (a document that does not exist, a refusal of the API) are raised with
 * error() where they happen; anything reaching here is a fault: logged in full, shown to the
 * reader as one sentence without internals.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404 && status !== 413) console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
  // A body over the server's limit is refused before any route runs (the add form without JavaScript).
  if (status === 413) return { message: TOO_LARGE };
  return { message: status === 404 ? message : 'Something went wrong on the server; the details are in its log.' };
};
