import type { Difference, FoundStatus } from '../types.js';

/**
 * A passage's status from its differences (SPEC §2): altered by any change of words that
 * no editorial mark accounts for; a variant when only spelling or letter case differ;
 * verbatim when only typography does.
 */
export function statusOf(differences: readonly Difference[]): FoundStatus {
  let status: FoundStatus = 'verbatim';
  for (const d of differences) {
    if (d.editorial || d.category === 'typography') continue;
    if (d.category === 'spelling' || d.category === 'case') status = 'variant';
    else return 'altered';
  }
  return status;
}
