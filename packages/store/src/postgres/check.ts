import { checkable, checkPlan } from '../check/check.js';
import { MAX_FULL_TEXT_ROWS, MAX_RANKED_ROWS } from '../check/candidates.js';
import { runAsync, type Lookup, type SourceRow } from '../check/lookups.js';
import type { CheckResult } from '../types.js';
import { row, rows, type Queryable } from './pool.js';
import { TEXT_SEARCH_CONFIG } from './search.js';

/**
 * `store.check` on PostgreSQL: the SQLite store's checker (its choosing, aligning and
 * verdicts), its questions to the corpus answered by queries. Reads only.
 */
export async function check(db: Queryable, input: unknown, engineVersion: string): Promise<CheckResult> {
  return runAsync(checkPlan(checkable(input), engineVersion), (lookup) => answer(db, lookup));
}

async function answer(db: Queryable, lookup: Lookup): Promise<unknown> {
  switch (lookup.ask) {
    case 'shingles': {
      const found = await db.query({ text: 'SELECT hash, vid FROM shingles WHERE hash = ANY($1::bigint[])', values: [lookup.hashes], rowMode: 'array' });
      return found.rows as Array<[number, number]>;
    }
    case 'phrase':
      return (
        await rows<{ vid: number }>(
          db,
          `SELECT DISTINCT p.vid FROM paragraphs p JOIN latest_documents d ON d.vid = p.vid
           WHERE p.tsv @@ phraseto_tsquery('${TEXT_SEARCH_CONFIG}', $1) LIMIT ${MAX_FULL_TEXT_ROWS}`,
          [lookup.words.join(' ')],
        )
      ).map((r) => r.vid);
    case 'anyWords': {
      const query = lookup.words.map((_, i) => `phraseto_tsquery('${TEXT_SEARCH_CONFIG}', $${i + 1})`).join(' || ');
      const found = await rows<{ vid: number }>(
        db,
        `WITH q AS (SELECT ${query} AS query)
         SELECT p.vid FROM q, paragraphs p JOIN latest_documents d ON d.vid = p.vid
         WHERE p.tsv @@ q.query ORDER BY ts_rank(p.tsv, q.query) DESC, p.pid LIMIT ${MAX_RANKED_ROWS}`,
        lookup.words,
      );
      return [...new Set(found.map((r) => r.vid))];
    }
    case 'sources': {
      const found = await rows<{ vid: number }>(db, "SELECT vid FROM documents WHERE vid = ANY($1::bigint[]) AND kind = 'source'", [lookup.vids]);
      return new Set(found.map((r) => r.vid));
    }
    case 'sourceRows': {
      const found = await rows<SourceRow>(
        db,
        'SELECT vid, id, version, title, date, author, issuer, url, sha256, text FROM documents WHERE vid = ANY($1::bigint[])',
        [lookup.vids],
      );
      const byVid = new Map(found.map((r) => [r.vid, r]));
      // A version deleted since the candidates were found is no answer.
      return lookup.vids.flatMap((vid) => byVid.get(vid) ?? []);
    }
    case 'sourceCount':
      return (await row<{ n: number }>(db, "SELECT count(*) AS n FROM latest_documents WHERE kind = 'source'"))!.n;
    case 'unverified':
      return (
        await rows<{ locator: string }>(
          db,
          `SELECT locator FROM paragraphs WHERE vid = $1 AND start < $2 AND "end" > $3 AND verification = 'unchecked' ORDER BY ordinal`,
          [lookup.vid, lookup.end, lookup.start],
        )
      ).map((r) => r.locator);
  }
}
