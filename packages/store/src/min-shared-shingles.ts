/**
 * Word 4-grams two documents must share before they are worth aligning. A quoted sentence
 * of six words already yields three, and a one-word change inside a quotation breaks at
 * most four of them, so one quoted sentence is enough; two or fewer shared 4-grams are
 * what unrelated texts share by accident ("on the basis of").
 *
 * A module of its own so that `verbatim check`, which needs only this of the pairing code,
 * loads none of it.
 */
export const MIN_SHARED_SHINGLES = 3;
