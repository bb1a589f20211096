import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { describeIssues, orList } from './validation.js';

const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues;

describe('describeIssues', () => {
  it('turns zod issues into one sentence naming each field', () => {
    const schema = z.object({ kind: z.enum(['source', 'commentary']), title: z.string().min(1), limit: z.number().int().max(1000) }).strict();
    expect(describeIssues(issues(schema, { kind: 'essay', title: '', limit: 2000, extra: 1 }), 'json')).toBe(
      'The field "kind" must be "source" or "commentary"; the field "title" must not be empty; the field "limit" must be at most 1000; the field "extra" is not known.',
    );
  });

  it('says a field is missing when the input lacks it, whatever zod expected', () => {
    const schema = z.object({ kind: z.enum(['source', 'commentary']), file: z.instanceof(File, { message: 'must be a file' }) });
    const input = { other: 1 };
    expect(describeIssues(issues(schema, input), 'form', input)).toBe('The form field "kind" is missing; the form field "file" is missing.');
    expect(describeIssues(issues(schema, { kind: 'x', file: 'text' }), 'form', { kind: 'x', file: 'text' })).toBe(
      'The form field "kind" must be "source" or "commentary"; the form field "file" must be a file.',
    );
  });

  it('names the place of a parameter', () => {
    expect(describeIssues(issues(z.object({ q: z.string() }), {}), 'query')).toBe('The query parameter "q" is missing.');
    expect(describeIssues(issues(z.object({ n: z.number() }), { n: 'x' }), 'form')).toBe('The form field "n" must be a number.');
    expect(describeIssues(issues(z.string(), 5), 'json')).toBe('The body must be a string.');
  });

  it('lists with "or"', () => {
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });
});
