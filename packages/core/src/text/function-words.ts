import { spellingKey } from './spelling.js';

/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and
 * a few adverbs of degree. What remains are a passage's content words — the evidence that
 * a quotation comes from a place, since every sentence has "the", "of" and "to".
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those such some any each every all both either neither no none other another ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ' +
    'who whom whose which what whatever whoever where when why how whether ' +
    'of to in on at by for with from into onto upon over under about above below between among through ' +
    'during before after against within without toward towards across along around behind beyond via per ' +
    'and or but nor so yet if then than as because while although though unless until since also ' +
    'be is are was were been being am do does did doing done have has had having ' +
    'will would shall should can could may might must ought ' +
    'not very more most much many few less least own same just only even too here there thus'
  )
    .split(' ')
    // Held as the keys they are looked up by: a key folds doubled letters ("will" is "wil",
    // "all" is "al"), and an unfolded list would take those for content words.
    .map(spellingKey),
);

/** Whether a lowercased, spelling-folded word is a function word. */
export function isFunctionWord(key: string): boolean {
  return FUNCTION_WORDS.has(key) || key.length < 2 || isNumber(key);
}

/** Digits only (what /^\d+$/ matches), tested without a regular expression: this runs for every word of a passage. */
function isNumber(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return key.length > 0;
}
