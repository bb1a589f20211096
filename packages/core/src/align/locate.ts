import { borrowings } from './borrowings.js';
import { delimitedQuotations } from './delimited.js';
import { quotationsMissingAMark } from './missing-mark.js';
import { paraphrases } from './paraphrase.js';
import { locateState, type Located, type LocateInput, type Offsets } from './state.js';

export type { Located, LocateInput } from './state.js';

/**
 * Finds the passages of the commentary in the source, pass by pass, each in its own
 * module: quotations whose marks give their extent (delimited.ts); quotations missing a
 * mark, whose extent is where the agreement with the source ends (missing-mark.ts); then
 * unmarked borrowings in what is left (borrowings.ts); last, the quotations still not
 * found are looked for in other wording (paraphrase.ts). Each pass adds what it found and
 * the commentary it took.
 */
export function locatePassages(input: LocateInput): Located[] {
  const state = locateState(input);
  const located: Located[] = [];
  const taken: Offsets[] = [];
  delimitedQuotations(state, located, taken);
  quotationsMissingAMark(state, located, taken);
  borrowings(state, located, taken);
  paraphrases(state, located);
  return located.sort((a, b) => a.commentary.start - b.commentary.start || a.commentary.end - b.commentary.end);
}
