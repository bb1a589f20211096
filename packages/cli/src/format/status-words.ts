import type { PassageStatus } from '@verbatim/core';
import type { Style } from './paint.js';

/** A quotation whose words are the source's, give or take spelling and case. */
export const isGenuine = (status: PassageStatus) => status === 'verbatim' || status === 'variant';

export const STATUSES: readonly PassageStatus[] = ['verbatim', 'variant', 'altered', 'paraphrased', 'not_found'];

/** Colour for emphasis only: the status word is always written too. */
export const STATUS_STYLE: Record<PassageStatus, Style[]> = {
  verbatim: ['green'],
  variant: ['cyan'],
  altered: ['yellow'],
  paraphrased: ['magenta'],
  not_found: ['red', 'bold'],
};

/**
 * The statuses a summary counts: all four of SPEC §2's always, `paraphrased` (a quotation
 * from another translation) only when a report has one, so a plain report reads as before.
 */
export function countedStatuses(count: (status: PassageStatus) => number): PassageStatus[] {
  return STATUSES.filter((s) => s !== 'paraphrased' || count(s) > 0);
}

/** The status as a reader says it: `not found`, not `not_found`. */
export function statusWord(status: PassageStatus): string {
  return status === 'not_found' ? 'not found' : status;
}
