import { lowerBound } from '../text/token-ranges.js';
import type { Offsets } from '../text/tokenize.js';
import type { Quotation } from './quotations.js';

/**
 * Verbs (every form) by which a writer presents words as someone's: "the statement said",
 * "they pledged to", "critics claimed that the two governments", "what it calls",
 * "according to the document". Words of our own quotation detection, not a lexicon: they
 * say how a commentary attributes, not what the source means.
 */
const REPORTING = new Set(
  [
    'say says said saying',
    'state states stated stating',
    'declare declares declared declaring',
    'proclaim proclaims proclaimed proclaiming',
    'announce announces announced announcing',
    'pledge pledges pledged pledging',
    'promise promises promised promising',
    'vow vows vowed vowing',
    'claim claims claimed claiming',
    'write writes wrote written writing',
    'read reads',
    'add adds added adding',
    'insist insists insisted insisting',
    'assert asserts asserted asserting',
    'affirm affirms affirmed affirming reaffirm reaffirms reaffirmed reaffirming',
    'agree agrees agreed agreeing',
    'commit commits committed committing',
    'urge urges urged urging',
    'warn warns warned warning',
    'stress stresses stressed stressing',
    'note notes noted noting',
    'describe describes described describing',
    'term terms termed dub dubs dubbed label labels labelled labeled',
    'quote quotes quoted quoting',
    'accuse accuses accused accusing',
    'demand demands demanded demanding',
    'reiterate reiterates reiterated reiterating',
    'according',
  ].flatMap((line) => line.split(' ')),
);

/**
 * "Called for", "called on": a demand reported. "Called" alone names ("what analysts call
 * the 'axis of upheaval'"): the quoter's or someone's term, not the source's words.
 */
const CALLING = new Set(['call', 'calls', 'called', 'calling']);
const CALLED_FOR = new Set(['for', 'on', 'upon']);

/** Words a presented quotation may stand from its verb: "claimed that the two governments". */
const BEFORE_WORDS = 6;
/** Words after the closing mark that may hold the verb: `", the statement said`. */
const AFTER_WORDS = 4;
/** What ends the clause a quotation stands in. */
const CLAUSE_END = /[.!?;]\s|[.!?;]$|\n/u;
/** A scare quote says so: "the so-called 'Indo-Pacific strategy'". */
const SCARE = /\bso[- ]called\s*$/iu;
const WORD = /[\p{L}\p{N}'’-]+/gu;
/** What may join two quotations of one verb: "and", "or", a comma. */
const JOINED = /^[\s,]*(?:and|or|but|as well as)?[\s,]*$/iu;
const MAX_JOINED = 3;

/**
 * Whether the commentary presents a quotation as somebody's words — a reporting verb
 * before it in its clause ("pledged to 'step up cooperation'", "claimed that the two
 * governments 'support …'") or just after it (`"…," they said`) — rather than as a scare
 * quote ("the 'no limits' partnership", "the so-called 'Indo-Pacific strategy'"). A short
 * quotation the source does not have gets a verdict only when it is presented so (see
 * delimited.ts). `quotations` are all the commentary's, as detection found them: the
 * clause before a quotation stops at the one before it.
 */
export function isPresentedAsWords(text: string, q: Quotation, quotations: readonly Quotation[]): boolean {
  const open = q.open?.start ?? q.content.start;
  const close = q.close?.end ?? q.content.end;
  const closed = closedQuotations(quotations);
  let before = clauseBefore(text, open, closed);
  if (SCARE.test(before.text)) return false;
  // A quotation joined to one before it ("vowed to 'deepen …' and 'tighten …'") is
  // presented as that one is.
  for (let hops = 0; hops < MAX_JOINED && before.after !== undefined && JOINED.test(before.text); hops++) {
    const at = before.after.open?.start;
    if (at === undefined) break;
    before = clauseBefore(text, at, closed);
  }
  const words = lastWords(before.text, BEFORE_WORDS);
  if (words.some((w, i) => REPORTING.has(w) || (CALLING.has(w) && CALLED_FOR.has(words[i + 1] ?? '')))) return true;
  return firstWords(clauseAfter(text, close), AFTER_WORDS).some((w) => REPORTING.has(w));
}

/** The quotations that have a closing mark, in the order of their closing marks. */
interface Closed {
  quotations: readonly (Quotation & { close: Offsets })[];
}

const CLOSED = new WeakMap<readonly Quotation[], Closed>();

/** Sorted once per commentary, for every quotation whose clause is looked at. */
function closedQuotations(quotations: readonly Quotation[]): Closed {
  let closed = CLOSED.get(quotations);
  if (!closed) {
    const withClose = quotations.filter((q): q is Quotation & { close: Offsets } => q.close !== null);
    closed = { quotations: withClose.sort((a, b) => a.close.start - b.close.start) };
    CLOSED.set(quotations, closed);
  }
  return closed;
}

/**
 * The text of the quotation's clause before its opening mark at `at`, back to the last
 * clause end or to the closing mark of the quotation before it (`after`): the words
 * before that mark are that quotation's. A closing mark right against the opening one
 * (`”“`) does not end the clause.
 */
function clauseBefore(text: string, at: number, closed: Closed): { text: string; start: number; after?: Quotation } {
  const from = Math.max(0, at - 200);
  // The last closing mark with at least one character between it and the opening mark.
  const i = lowerBound(closed.quotations, at, (q) => q.close.end) - 1;
  const previous = i >= 0 ? closed.quotations[i] : undefined;
  const markEnd = previous && previous.close.start >= from ? previous.close.end : -1;
  for (let k = at - 1; k >= from && k >= markEnd; k--) {
    const c = text[k]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?' || c === ';') && k + 1 < at && /\s/u.test(text[k + 1]!))) return { text: text.slice(k + 1, at), start: k + 1 };
  }
  if (markEnd >= 0) return { text: text.slice(markEnd, at), start: markEnd, after: previous };
  return { text: text.slice(from, at), start: from };
}

/** The text of the quotation's clause after its closing mark, up to the clause's end. */
function clauseAfter(text: string, at: number): string {
  const piece = text.slice(at, at + 120);
  const end = piece.search(CLAUSE_END);
  return end < 0 ? piece : piece.slice(0, end);
}

function lastWords(text: string, n: number): string[] {
  return (text.match(WORD) ?? []).slice(-n).map((w) => w.toLowerCase());
}

function firstWords(text: string, n: number): string[] {
  return (text.match(WORD) ?? []).slice(0, n).map((w) => w.toLowerCase());
}

/** Words that name a work, or introduce its title, just before the title's opening mark. */
const WORK = new Set(
  'book books article articles essay essays report reports paper papers study studies film films documentary column op-ed piece chapter headline headlined podcast lecture poem novel series titled entitled called named'.split(' '),
);
/** Words a title leaves in lower case: "The Sides Oppose Politicization of This Issue". */
const TITLE_SMALL_WORD = /^(?:a|an|and|as|at|but|by|for|from|in|into|nor|of|on|or|over|the|to|under|upon|via|with)$/iu;
const UPPER = /^\p{Lu}/u;

/**
 * Whether a quotation is the title of a work — set in title case, every word capitalized
 * but the small ones, three of them at least, and named as one by a word just before it
 * ("the book 'The Sides Oppose Politicization of This Issue: a History'", "an essay titled
 * '…'"): the title's words, not a quotation of the source, whatever source words it takes up.
 */
export function isTitleOfAWork(text: string, q: Quotation): boolean {
  const open = q.open?.start ?? q.content.start;
  const words = text.slice(q.content.start, q.content.end).match(WORD) ?? [];
  const big = words.filter((w) => !TITLE_SMALL_WORD.test(w));
  if (big.length < 3 || big.filter((w) => UPPER.test(w)).length < big.length - 1) return false;
  return lastWords(text.slice(Math.max(0, open - 60), open), 3).some((w) => WORK.has(w));
}

/** Most words of an attribution set between two parts of one quotation: `," the statement says, "`. */
const INTERRUPTION_WORDS = 6;
/** Verbs that go on with someone's words rather than present them: `," it went on, "`, `," it continues, "`. */
const GOING_ON = new Set(['went', 'goes', 'continue', 'continues', 'continued', 'explain', 'explains', 'explained', 'concluded', 'concludes']);

/**
 * Whether the text between two quotations is an attribution breaking one quotation in two
 * ("The sides," it said, "oppose …"): a comma closing the first part or just after it, a
 * few words with a reporting verb and no sentence end, and a comma before the second part.
 */
export function isInterruption(text: string, first: Quotation, second: Quotation): boolean {
  if (!first.close || !second.open) return false;
  const between = text.slice(first.close.end, second.open.start);
  const commaFirst = /,\s*$/u.test(text.slice(first.content.start, first.content.end)) || between.startsWith(',');
  if (!commaFirst || !/,\s*$/u.test(between) || /[.!?;:]|\n\s*\n/u.test(between)) return false;
  const words = between.match(WORD) ?? [];
  return words.length > 0 && words.length <= INTERRUPTION_WORDS && words.some((w) => REPORTING.has(w.toLowerCase()) || GOING_ON.has(w.toLowerCase()));
}
