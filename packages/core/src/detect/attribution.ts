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
const CLOSING = /["\u201D\u00BB]/u;
const OPENING = /["\u201C\u00AB\u201E]/u;
/** What may join two quotations of one verb: "and", "or", a comma. */
const JOINED = /^[\s,]*(?:and|or|but|as well as)?[\s,]*$/iu;
const MAX_JOINED = 3;

/**
 * Whether the commentary presents a quotation as somebody's words — a reporting verb
 * before it in its clause ("pledged to 'step up cooperation'", "claimed that the two
 * governments 'support …'") or just after it (`"…," they said`) — rather than as a scare
 * quote ("the 'no limits' partnership", "the so-called 'Indo-Pacific strategy'"). A short
 * quotation the source does not have gets a verdict only when it is presented so (see
 * delimited.ts).
 */
export function isPresentedAsWords(text: string, q: Quotation): boolean {
  const open = q.open?.start ?? q.content.start;
  const close = q.close?.end ?? q.content.end;
  let before = clauseBefore(text, open);
  if (SCARE.test(before.text)) return false;
  // A quotation joined to one before it ("vowed to 'deepen …' and 'tighten …'") is
  // presented as that one is.
  for (let hops = 0; hops < MAX_JOINED && before.closedBy !== undefined && JOINED.test(before.text); hops++) {
    const at = openingBefore(text, before.start - 1);
    if (at < 0) break;
    before = clauseBefore(text, at);
  }
  const words = lastWords(before.text, BEFORE_WORDS);
  if (words.some((w, i) => REPORTING.has(w) || (CALLING.has(w) && CALLED_FOR.has(words[i + 1] ?? '')))) return true;
  return firstWords(clauseAfter(text, close), AFTER_WORDS).some((w) => REPORTING.has(w));
}

/**
 * The text of the quotation's clause before its opening mark, back to the last clause end
 * or another quotation's closing mark (`closedBy`, at `start - 1`): the words before that
 * are the other quotation's.
 */
function clauseBefore(text: string, at: number): { text: string; start: number; closedBy?: string } {
  const from = Math.max(0, at - 200);
  for (let i = at - 1; i >= from; i--) {
    const c = text[i]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?' || c === ';') && i + 1 < at && /\s/u.test(text[i + 1]!))) return { text: text.slice(i + 1, at), start: i + 1 };
    if (i < at - 1 && CLOSING.test(c)) return { text: text.slice(i + 1, at), start: i + 1, closedBy: c };
  }
  return { text: text.slice(from, at), start: from };
}

/** The opening mark of the quotation whose closing mark is at `close`, within its paragraph; -1 when none. */
function openingBefore(text: string, close: number): number {
  for (let i = close - 1; i >= 0 && text[i] !== '\n'; i--) if (OPENING.test(text[i]!) && (i === 0 || /[\s(]/u.test(text[i - 1]!))) return i;
  return -1;
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
