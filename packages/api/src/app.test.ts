import type { Store } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openTestApp, problemOf, SEED_REPORT, type TestApp } from './test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('the app', () => {
  it('sets secure headers on every answer, errors included', async () => {
    for (const path of ['/api/health', '/api/no-such-route']) {
      const res = await t.app.request(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('answers an unknown route with a 404 problem naming it', async () => {
    const res = await t.app.request('/api/no-such-route');
    expect(res.status).toBe(404);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
    expect(problem.detail).toBe('There is no GET /api/no-such-route in this API; the routes are listed at /api/docs.');
  });

  it('answers a method a route does not have with a 404 problem', async () => {
    const res = await t.app.request('/api/health', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toContain('DELETE /api/health');
  });

  it('has CORS off unless origins are configured', async () => {
    const preflight = { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } };
    const off = await t.app.request('/api/health', { headers: { Origin: 'https://elsewhere.example' } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    expect((await t.app.request('/api/health', preflight)).headers.get('access-control-allow-origin')).toBeNull();

    const app = createApp({ store: t.store, corsOrigins: ['https://allowed.example'] });
    const allowed = await app.request('/api/health', { headers: { Origin: 'https://allowed.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const other = await app.request('/api/health', { headers: { Origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('turns an unexpected failure into a 500 problem without a stack trace, and keeps serving', async () => {
    const logged: unknown[] = [];
    const broken = new Proxy(t.store, {
      get: (target, key) =>
        key === 'listPage'
          ? () => {
              throw new Error('disk on fire at /secret/path/verbatim.db');
            }
          : Reflect.get(target, key),
    }) as Store;
    const app = createApp({ store: broken, logError: (error) => logged.push(error) });
    const res = await app.request('/api/documents');
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toMatch(/secret|disk on fire|at .*\.js|Error:/);
    expect((await problemOf(res)).detail).toMatch(/^The server failed to answer this request/);
    expect(logged).toHaveLength(1);
    // The same app keeps answering.
    expect((await app.request(SEED_REPORT)).status).toBe(200);
  });
});
