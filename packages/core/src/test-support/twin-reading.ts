import { QUOTATION_MARKS } from '../detect/quotation-marks.js';
import type { Passage } from '../types.js';
import { describe } from './corpus.js';

export interface TwinReading {
  kind: Passage['kind'];
  quotationMarks: Passage['quotationMarks'];
  status: Passage['status'];
  locator: string | undefined;
  source: string | undefined;
  words: string;
  changes: string[];
}

/**
 * What a reader compares of a passage between a commentary and its twin set in other marks:
 * where it is in the source, its verdict, and its words without marks, spacing or the
 * characters `ignored` (a typewriter's ,, for one), its changes other than typography.
 */
export function twinReading(ignored = ''): (p: Passage) => TwinReading {
  const dropped = new RegExp(`[\\s${ignored}${QUOTATION_MARKS}]`, 'gu');
  return (p) => ({
    kind: p.kind,
    quotationMarks: p.quotationMarks,
    status: p.status,
    locator: p.source?.locator,
    source: p.source?.text,
    words: p.commentary.text.replace(dropped, ''),
    changes: describe(p).filter((d) => !d.endsWith('(typography)')),
  });
}
