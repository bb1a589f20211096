import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** Every route of SPEC §4, the verification of issue 7, what the pages read (issue 11), the team server's status (issue 13). */
const ROUTES = [
  ['get', '/api/health'],
  ['get', '/api/documents'],
  ['post', '/api/documents'],
  ['post', '/api/documents/fetch'],
  ['get', '/api/documents/{id}'],
  ['patch', '/api/documents/{id}'],
  ['post', '/api/documents/preview'],
  ['delete', '/api/documents/{id}'],
  ['post', '/api/documents/{id}/verify'],
  ['get', '/api/verifications/{id}'],
  ['get', '/api/documents/{id}/passages'],
  ['get', '/api/alignments'],
  ['get', '/api/alignments/{sourceId}/{commentaryId}'],
  ['get', '/api/alignments/{sourceId}/{commentaryId}/status'],
  ['get', '/api/alignments/pending'],
  ['get', '/api/alignments/{sourceId}/{commentaryId}/citations'],
  ['get', '/api/passages/{passageId}/citation'],
  ['get', '/api/search'],
  ['post', '/api/check'],
  ['get', '/api/openapi.json'],
  ['get', '/api/docs'],
] as const;

type Doc = { openapi: string; paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };

describe('GET /api/openapi.json', () => {
  let doc: Doc;
  beforeAll(async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });

  it('is OpenAPI 3.1 and describes every route, no more', () => {
    expect(doc.openapi).toBe('3.1.0');
    const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => [m, path]));
    expect(described.sort()).toEqual([...ROUTES].map((r) => [...r]).sort());
  });

  it('describes inputs from the same schemas that validate them', () => {
    const search = doc.paths['/api/search']!.get;
    expect(search.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'q', in: 'query', required: true }),
        expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ maximum: 1000, default: 20 }) }),
      ]),
    );
    const add = doc.paths['/api/documents']!.post;
    expect(add.requestBody.required).toBe(true);
    expect(Object.keys(add.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(add.security).toEqual([{ Bearer: [] }]);
    expect(doc.components.securitySchemes.Bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes the 202 Accepted of a pending alignment and the status its Location names', () => {
    const report = doc.paths['/api/alignments/{sourceId}/{commentaryId}']!.get.responses;
    expect(report['202'].headers).toMatchObject({ Location: expect.anything(), 'Retry-After': expect.anything() });
    expect(report['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AlignmentPending' });
    const status = doc.paths['/api/alignments/{sourceId}/{commentaryId}/status']!.get.responses;
    expect(status['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AlignmentStatus' });
    expect(Object.keys(status)).toEqual(expect.arrayContaining(['200', '404']));
    const added = doc.components.schemas.AddedDocument as { allOf: [unknown, { properties: Record<string, unknown>; required: string[] }] };
    expect(added.allOf[1].required).toContain('pending');
  });

  it('describes a page’s preview as one flat object: a summary’s metadata fields, as the summary types them, and its own', () => {
    type ObjectSchema = { type: string; properties: Record<string, unknown>; required: string[]; allOf?: unknown };
    const preview = doc.components.schemas.DocumentPreview as ObjectSchema;
    const summary = doc.components.schemas.DocumentSummary as ObjectSchema;
    // Not an allOf over DocumentSummary: a preview has no id, version or passages.
    expect(preview.allOf).toBeUndefined();
    expect(preview.type).toBe('object');
    expect(Object.keys(preview.properties).sort()).toEqual(
      ['address', 'author', 'date', 'excerpt', 'format', 'issuer', 'language', 'length', 'licence', 'paragraphs', 'provenance', 'sha256', 'title', 'url'].sort(),
    );
    expect(preview.required.sort()).toEqual(Object.keys(preview.properties).sort());
    for (const field of ['format', 'title', 'date', 'author', 'issuer', 'url', 'language', 'licence']) expect(preview.properties[field], field).toEqual(summary.properties[field]);
  });

  it('describes the report with the contract’s own schema, its references resolved within the document', () => {
    const report = doc.paths['/api/alignments/{sourceId}/{commentaryId}']!.get.responses['200'].content['application/json'].schema;
    expect(report).toEqual({ $ref: '#/components/schemas/AlignmentReport' });
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('describes errors as problem documents', () => {
    const get = doc.paths['/api/documents/{id}']!.get;
    expect(get.responses['404'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('says that every route reading the corpus may find the database busy or not answering (503, Retry-After), and health never', () => {
    for (const [method, path] of ROUTES) {
      const responses = doc.paths[path]![method].responses;
      if (['/api/health', '/api/openapi.json', '/api/docs'].includes(path)) {
        expect(responses['503'], `${method} ${path}`).toBeUndefined();
        continue;
      }
      expect(responses['503'], `${method} ${path}`).toMatchObject({ description: expect.stringMatching(/busy, or does not answer/) });
      expect(responses['503'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(doc.paths['/api/documents']!.get.responses['503'].headers).toMatchObject({ 'Retry-After': expect.anything() });
  });
});

describe('GET /api/docs', () => {
  it('is a self-contained page listing every route with its parameters and schemas', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    for (const [method, path] of ROUTES) expect(html).toContain(`<span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code>`);
    expect(html).toContain('<code>passageId</code>');
    expect(html).toContain('<code>&quot;text&quot; | &quot;bibtex&quot; | &quot;csl-json&quot; | &quot;ris&quot; | &quot;annotation&quot;</code>');
    expect(html).toContain('<summary><code>AlignmentReport</code></summary>');
    // Nothing loaded from elsewhere: it works offline.
    expect(html).not.toMatch(/<script|<link|src=|@import|https?:\/\/(?!en\.kremlin\.ru)[^"\s<]*\.(js|css)/);
  });
});
