import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { ZodError } from 'zod';
import { ProblemError } from './problem.js';

type Issue = ZodError['issues'][number];
type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';

const PLACE: Record<Target, string> = {
  json: 'the field',
  form: 'the form field',
  query: 'the query parameter',
  param: 'the path parameter',
  header: 'the header',
  cookie: 'the cookie',
};

/** `a`, `a or b`, `a, b or c`. */
export function orList(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function what(issue: Issue, missing: boolean): string {
  if (missing) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return 'is missing';
      // A schema's own message ("must be a file") over zod's generic one ("Invalid input: …").
      return /^Invalid input/.test(issue.message) ? `must be ${article(issue.expected)}` : lowerFirst(issue.message);
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${orList(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'must be a URL' : lowerFirst(issue.message);
    default:
      return lowerFirst(issue.message);
  }
}

function article(type: string): string {
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The value at a path of the validated input; undefined when absent. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One issue as a clause: `the query parameter "limit" must be at most 1000`. */
function clause(issue: Issue, target: Target, data: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${k}"`);
    return `${names.length === 1 ? `${PLACE[target]} ${names[0]} is` : `the fields ${orList(names).replace(/ or /, ' and ')} are`} not known`;
  }
  const name = issue.path.map(String).join('.');
  // Zod says what a missing value should have been ("expected one of …"); a person wants to
  // hear that it is missing. Only the input tells, when it was given.
  const missing = data !== NO_DATA && issue.path.length > 0 && valueAt(data, issue.path) === undefined;
  return name === '' ? `the ${target === 'json' ? 'body' : target} ${what(issue, false)}` : `${PLACE[target]} "${name}" ${what(issue, missing)}`;
}

const NO_DATA = Symbol('no data');

/** All of a validation's issues as one sentence a person can act on. */
export function describeIssues(issues: readonly Issue[], target: Target, data: unknown = NO_DATA): string {
  const clauses = [...new Set(issues.map((i) => clause(i, target, data)))];
  const sentence = clauses.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * The hook every route's validators call: a failed validation becomes a 400 problem, except
 * an unknown document `format`, which is an unsupported format (415) rather than a typo.
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<Env>['defaultHook']> = (result) => {
  if (result.success) return;
  const target = result.target as Target;
  const issues = result.error.issues;
  const format = issues.find((i) => i.path[0] === 'format' && i.code === 'invalid_value');
  if (format && (target === 'json' || target === 'form')) {
    throw new ProblemError(
      415,
      `The document format ${JSON.stringify(valueAt((result as { data?: unknown }).data, ['format']) ?? null)} is not supported; use "text", "markdown" or "html".`,
    );
  }
  // The hook's type omits it, but a failed result carries the input it validated.
  const data = 'data' in result ? (result as { data: unknown }).data : undefined;
  throw new ProblemError(400, describeIssues(issues, target, data));
};
