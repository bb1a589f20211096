import type { Handle, HandleServerError } from '@sveltejs/kit';

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
};

/**
 * Expected failures (a document that does not exist) are raised with error() where they
 * happen; anything reaching here is a fault: logged in full, shown to the reader as one
 * sentence without internals.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? message : 'Something went wrong on the server; the details are in its log.' };
};
