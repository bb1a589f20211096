/** The passage list's filters and its next/previous moves, apart from the page so they can be tested. */
import { KINDS, STATUSES, type PassageKind, type PassageStatus } from '../labels';
import type { PassageView } from './model';

export interface Filters {
  statuses: ReadonlySet<PassageStatus>;
  kinds: ReadonlySet<PassageKind>;
}

export const ALL: Filters = { statuses: new Set(STATUSES), kinds: new Set(KINDS) };

export function matches(p: PassageView, filters: Filters): boolean {
  return filters.statuses.has(p.status) && filters.kinds.has(p.kind);
}

export function visible(passages: readonly PassageView[], filters: Filters): PassageView[] {
  return passages.filter((p) => matches(p, filters));
}

/**
 * The passage after (or before) the current one among those shown. From nothing, "next" starts
 * at the first and "previous" at the last; at either end it stays put rather than wrapping,
 * so that holding the key does not loop the reader back without notice.
 */
export function step(shown: readonly PassageView[], current: string | null, direction: 1 | -1): string | null {
  if (shown.length === 0) return current;
  const index = current === null ? -1 : shown.findIndex((p) => p.id === current);
  if (index === -1) return (direction === 1 ? shown[0] : shown[shown.length - 1])!.id;
  const next = Math.min(Math.max(index + direction, 0), shown.length - 1);
  return shown[next]!.id;
}

/** How many passages of each status and kind, for the filter labels. */
export function tally(passages: readonly PassageView[]): { statuses: Record<PassageStatus, number>; kinds: Record<PassageKind, number> } {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PassageStatus, number>;
  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<PassageKind, number>;
  for (const p of passages) {
    statuses[p.status] += 1;
    kinds[p.kind] += 1;
  }
  return { statuses, kinds };
}

/** The passage a URL fragment names (`#passage-<id>`), if the page has it. */
export function passageFromHash(hash: string, passages: readonly PassageView[]): string | null {
  const match = /^#passage-(.+)$/.exec(hash);
  if (!match) return null;
  const id = decodeURIComponent(match[1]!);
  return passages.some((p) => p.id === id) ? id : null;
}
