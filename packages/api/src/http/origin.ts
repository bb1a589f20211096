import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { ProblemError } from '../problem.js';

/**
 * Refuses a write a browser sent from another site: what a page the researcher happens to
 * visit could do with a no-cors `fetch` or a hidden form (a `multipart/form-data` POST needs
 * no preflight). Hono's `csrf` decides, as SvelteKit does for its forms: the request's
 * `Sec-Fetch-Site` says same-origin, or its `Origin` is this server's own (or one of `allowed`:
 * the CORS origins, the public URL behind a proxy).
 *
 * A request with neither header did not come from a browser — every browser sends `Origin` on
 * a POST, PUT, PATCH or DELETE — so it cannot be forged by a page, and scripts (curl, Python)
 * keep working without inventing an Origin; the bearer token still applies to them.
 */
export function requireSameOriginForWrites(allowed: readonly string[] = []): MiddlewareHandler {
  const check = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || allowed.includes(origin),
  });
  return async (c, next) => {
    if (c.req.header('Origin') === undefined && c.req.header('Sec-Fetch-Site') === undefined) return next();
    let passed = false;
    try {
      return await check(c, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      // Hono's refusal is a bare "Forbidden"; ours says what happened and what to do.
      if (!passed) {
        throw new ProblemError(
          403,
          `This change came from a page on another site (${c.req.header('Origin') ?? 'an unknown origin'}), so it was refused; change the corpus from Verbatim's own pages, or from a script.`,
        );
      }
      throw error;
    }
  };
}
