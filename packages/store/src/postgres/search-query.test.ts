import { describe, expect, it } from 'vitest';
import { parseQuery, tsquerySql } from './search-query.js';

describe('reading a search query for PostgreSQL', () => {
  it('reads what FTS5 reads: words, phrases, operators with their precedence, prefixes, parentheses, NEAR', () => {
    expect(parseQuery('no limits')).toEqual({
      type: 'and',
      items: [
        { type: 'phrase', text: 'no', prefix: false },
        { type: 'phrase', text: 'limits', prefix: false },
      ],
    });
    // NOT binds tighter than AND, AND than OR.
    expect(parseQuery('"no limits" OR sovereign* NOT security')).toEqual({
      type: 'or',
      items: [
        { type: 'phrase', text: 'no limits', prefix: false },
        { type: 'not', keep: { type: 'phrase', text: 'sovereign', prefix: true }, drop: { type: 'phrase', text: 'security', prefix: false } },
      ],
    });
    expect(parseQuery('(a OR b) c')).toMatchObject({ type: 'and', items: [{ type: 'or' }, { type: 'phrase', text: 'c' }] });
    expect(parseQuery('NEAR(Olympic Winter, 3)')).toMatchObject({ type: 'near', items: [{ text: 'Olympic' }, { text: 'Winter' }] });
    expect(parseQuery('"say ""no"""')).toEqual({ type: 'phrase', text: 'say "no"', prefix: false });
    expect(parseQuery('“no limits”')).toMatchObject({ type: 'and' });
  });

  it('refuses what FTS5 refuses, so that the store searches its words instead', () => {
    for (const query of ['"no limits', '(no limits', 'NEAR(no limits', 'sovereignty AND (security', 'title: limits', 'AND OR', '"well-being', 'well-being', '"(', 'limits)', 'NOT limits', 'NEAR(a b, x)']) {
      expect(parseQuery(query), query).toBeUndefined();
    }
  });

  it('writes a tsquery whose texts are parameters, never SQL', () => {
    const params: unknown[] = [];
    const sql = tsquerySql(parseQuery(`"Robert'); DROP TABLE documents; --" OR lim*`)!, 'verbatim_english', params);
    expect(sql).toBe("(phraseto_tsquery('verbatim_english', $1) || to_tsquery('verbatim_english', $2))");
    expect(params).toEqual(["Robert'); DROP TABLE documents; --", "'lim':*"]);
  });
});
