import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, REPO_ROOT, type TestApp } from './test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('SECURITY.md', () => {
  it('lists every write the API offers, as `METHOD /api/path`', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter((method) => !['get', 'head', 'options', 'parameters'].includes(method))
        .map((method) => `\`${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}\``),
    );
    expect(writes.length).toBeGreaterThanOrEqual(4);
    const security = fs.readFileSync(path.join(REPO_ROOT, 'SECURITY.md'), 'utf8');
    for (const write of writes) expect(security, `SECURITY.md does not list ${write}`).toContain(write);
  });
});
