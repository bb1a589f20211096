/**
 * The search syntax users already write against the SQLite store (FTS5's: words, "phrases",
 * AND, OR, NOT, parentheses, prefix*, NEAR(…)), read for PostgreSQL, where it becomes a
 * tsquery. A query FTS5 would reject is rejected here too (undefined), so that on either
 * engine it is searched as the plain words in it and the answer says so.
 */
export type QueryNode =
  | { type: 'phrase'; text: string; prefix: boolean }
  | { type: 'and' | 'or'; items: QueryNode[] }
  | { type: 'not'; keep: QueryNode; drop: QueryNode }
  | { type: 'near'; items: QueryNode[] };

type Token =
  | { type: 'string'; text: string }
  | { type: 'word'; text: string }
  | { type: '(' | ')' | '*' | ',' };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** FTS5's bareword characters: ASCII letters, digits and underscore, and anything beyond ASCII. */
function isBareword(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch) || ch.codePointAt(0)! > 127;
}

function tokenize(query: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= query.length) return undefined; // unbalanced quotation mark
        if (query[i] === '"') {
          if (query[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        text += query[i];
        i += 1;
      }
      tokens.push({ type: 'string', text });
    } else if (ch === '(' || ch === ')' || ch === '*' || ch === ',') {
      tokens.push({ type: ch });
      i += 1;
    } else if (isBareword(ch)) {
      let text = '';
      while (i < query.length && isBareword(query[i]!)) text += query[i++];
      tokens.push({ type: 'word', text });
    } else {
      // A column filter's colon, a hyphen, any other mark: FTS5 refuses them outside a string.
      return undefined;
    }
  }
  return tokens;
}

/** The query as a tree, or undefined when it is not one FTS5 would read. */
export function parseQuery(query: string): QueryNode | undefined {
  const tokens = tokenize(query);
  if (!tokens || tokens.length === 0) return undefined;
  let at = 0;
  const peek = () => tokens[at];
  const isOperator = (t: Token | undefined, name?: string) =>
    t?.type === 'word' && (name ? t.text === name : OPERATORS.has(t.text));

  const phrase = (): QueryNode | undefined => {
    const t = peek();
    if (!t || (t.type !== 'string' && t.type !== 'word') || isOperator(t)) return undefined;
    at += 1;
    const prefix = peek()?.type === '*';
    if (prefix) at += 1;
    return { type: 'phrase', text: t.text, prefix };
  };

  const primary = (): QueryNode | undefined => {
    const t = peek();
    if (t?.type === '(') {
      at += 1;
      const inner = or();
      if (!inner || peek()?.type !== ')') return undefined;
      at += 1;
      return inner;
    }
    if (t?.type === 'word' && t.text === 'NEAR' && tokens[at + 1]?.type === '(') {
      at += 2;
      const items: QueryNode[] = [];
      for (let p = phrase(); p; p = phrase()) items.push(p);
      if (items.length === 0) return undefined;
      if (peek()?.type === ',') {
        at += 1;
        const n = peek();
        if (n?.type !== 'word' || !/^\d+$/.test(n.text)) return undefined;
        at += 1;
      }
      if (peek()?.type !== ')') return undefined;
      at += 1;
      return { type: 'near', items };
    }
    return phrase();
  };

  const not = (): QueryNode | undefined => {
    let left = primary();
    while (left && isOperator(peek(), 'NOT')) {
      at += 1;
      const right = primary();
      if (!right) return undefined;
      left = { type: 'not', keep: left, drop: right };
    }
    return left;
  };

  const and = (): QueryNode | undefined => {
    const first = not();
    if (!first) return undefined;
    const items = [first];
    for (;;) {
      const t = peek();
      if (!t || t.type === ')' || isOperator(t, 'OR')) break;
      if (isOperator(t, 'AND')) at += 1;
      const next = not();
      if (!next) return undefined;
      items.push(next);
    }
    return items.length === 1 ? first : { type: 'and', items };
  };

  const or = (): QueryNode | undefined => {
    const first = and();
    if (!first) return undefined;
    const items = [first];
    while (isOperator(peek(), 'OR')) {
      at += 1;
      const next = and();
      if (!next) return undefined;
      items.push(next);
    }
    return items.length === 1 ? first : { type: 'or', items };
  };

  const tree = or();
  return tree && at === tokens.length ? tree : undefined;
}

/**
 * A tsquery expression for the tree, in SQL, its texts as parameters appended to `params`.
 * Phrases go through PostgreSQL's own parser and stemmer (`phraseto_tsquery`), so they match
 * what the index holds; a NEAR group asks for its phrases in the same paragraph.
 */
export function tsquerySql(node: QueryNode, config: string, params: unknown[]): string {
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (node.type) {
    case 'phrase':
      if (!node.prefix) return `phraseto_tsquery('${config}', ${param(node.text)})`;
      // The last word a prefix: each word quoted for to_tsquery, which stems them as the index did.
      return `to_tsquery('${config}', ${param(prefixQuery(node.text))})`;
    case 'and':
    case 'near':
      return `(${node.items.map((n) => tsquerySql(n, config, params)).join(' && ')})`;
    case 'or':
      return `(${node.items.map((n) => tsquerySql(n, config, params)).join(' || ')})`;
    case 'not':
      return `(${tsquerySql(node.keep, config, params)} && !! ${tsquerySql(node.drop, config, params)})`;
  }
}

/** `"no lim"*` as to_tsquery text: 'no' <-> 'lim':* (an empty phrase matches nothing). */
function prefixQuery(text: string): string {
  const words = text.match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return "''";
  return words.map((w, i) => `'${w.replaceAll("'", "''")}'${i === words.length - 1 ? ':*' : ''}`).join(' <-> ');
}
