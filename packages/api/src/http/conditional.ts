/**
 * Whether an `If-None-Match` header matches an ETag (RFC 9110 §13.1.2): `*`, or any tag of
 * the list compared weakly (a `W/` prefix is ignored).
 */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(etag));
}
