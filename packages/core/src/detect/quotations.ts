import { blocks, lines, type Block, type Line } from '../text/paragraphs.js';
import { lowerBound } from '../text/token-ranges.js';
import type { Offsets } from '../text/tokenize.js';
import type { QuotationMarks } from '../types.js';
import { isQuotationMark, quotationMark, quotationMarkPattern, type MarkFamily } from './quotation-marks.js';

/**
 * A quotation as the commentary's marks delimit it. When a mark is missing, `content`
 * is provisional: it runs to the end (or from the start) of the paragraph, and the
 * aligner decides where the quotation really stops, by where the agreement with the
 * source ends.
 */
export interface Quotation {
  open: Offsets | null;
  close: Offsets | null;
  content: Offsets;
  /** 0 for a quotation not inside another one. */
  depth: number;
  marks: QuotationMarks;
}

type Family = MarkFamily;

const MAX_DEPTH = 8;

interface Opener {
  /** The mark's characters: one, or two for a doubled mark (''). */
  char: string;
  at: number;
  family: Family;
}

const MARKS = new RegExp(quotationMarkPattern(), 'gu');
const MARK_AT = new RegExp(quotationMarkPattern(), 'uy');
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /[\s\u00A0]/u;
const DIGIT = /\p{Nd}/u;
const LOWER = /\p{Ll}/u;
/** What an apostrophe stands before where it drops letters or digits: '60s, '22, the 'sixties, 'tis, 'em. */
const ELISION = /^(?:\d\d(?:s|['’]s)?|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|tis|twas|em|til|cause)(?![\p{L}\p{N}])/iu;
const OPENING_CONTEXT = /[\s\u00A0([{\u2014\u2013\-/:]/u;

function familyOf(char: string): Family {
  return quotationMark(char)!.family;
}

/**
 * Finds the quotations of a text: pairs of marks (curly, straight, low-9, guillemets,
 * two apostrophes or a double prime for a double mark, single inside double and the other
 * way round; the table is quotation-marks.ts), quotations whose opening or closing mark is
 * missing, and indented or `>` block quotes. An apostrophe is told from a single closing
 * mark by what stands around it, a plural possessive by the closing mark still to come.
 */
export function detectQuotations(text: string, layout: TextLayout = layoutOf(text)): Quotation[] {
  const out: Quotation[] = [];
  const paragraphs = layout.blocks;
  const allLines = layout.lines;
  let carried: Opener[] = [];
  const nests = new Nesting();
  const ahead: Lookahead = { until: -1, possessive: false, unitsUntil: -1, closerAhead: false };
  paragraphs.forEach((para, index) => {
    const blockContent = isBlockQuote(text, para, allLines) ? withoutAttribution(text, para, allLines) : null;
    const block = blockContent !== null;
    const base = block ? 1 : 0;
    if (block) out.push({ open: null, close: null, content: blockContent, depth: 0, marks: 'block' });
    let stack: Opener[] = carried;
    const reopening = carried.length > 0 ? reopeningMark(text, para.start, carried[0]!) : undefined;
    carried = [];
    let lastClosedEnd = para.start;
    MARKS.lastIndex = para.start;
    for (let m = MARKS.exec(text); m && m.index < para.end; m = MARKS.exec(text)) {
      const at = m.index;
      let char = m[0];
      // A quotation that runs over paragraphs repeats an opening mark at each paragraph.
      if (at === para.start && reopening === char) continue;
      let role = roleOf(text, at, char, stack, para.end, ahead, at > para.start && lastClosedEnd === at);
      // Two single marks that close no doubled mark end a quotation in a quotation:
      // ‘… ‘the sides’’ closes two, and ’’ after a plural (‘the States’’) an apostrophe and one.
      if (char.length === 2 && role === 'close' && findOpener(stack, char) < 0 && stack.some((o) => o.family === 'single')) {
        char = char[0]!;
        MARKS.lastIndex = at + 1;
        role = roleOf(text, at, char, stack, para.end, ahead, at > para.start && lastClosedEnd === at);
      }
      if (role === 'none') continue;
      const end = at + char.length;
      if (role === 'close') {
        const i = findOpener(stack, char);
        if (i >= 0) {
          const opener = stack[i]!;
          stack = stack.slice(0, i);
          const q: Quotation = {
            open: { start: opener.at, end: opener.at + opener.char.length },
            close: { start: at, end },
            content: { start: opener.at + opener.char.length, end: at },
            depth: i + base,
            marks: 'paired',
          };
          out.push(q);
          nests.inside(q, stack);
          lastClosedEnd = end;
        } else if (familyOf(char) === 'double' && stack.length === 0) {
          out.push({
            open: null,
            close: { start: at, end },
            content: { start: lastClosedEnd, end: at },
            depth: base,
            marks: 'opening-missing',
          });
          lastClosedEnd = end;
        }
        continue;
      }
      // Real quotations nest a few levels deep; beyond that the marks are noise, and an
      // unbounded stack would make every later mark cost as much as all before it.
      if (stack.length >= MAX_DEPTH) stack.shift();
      stack.push({ char, at, family: familyOf(char) });
    }
    const next = paragraphs[index + 1];
    const continues = next !== undefined && stack.length > 0 && reopeningMark(text, next.start, stack[0]!) !== undefined;
    if (continues) {
      carried = stack;
      return;
    }
    stack.forEach((opener, depth) => {
      // A lone single mark is far more often an apostrophe than a quotation.
      if (opener.family === 'single') return nests.drop(opener);
      const q: Quotation = {
        open: { start: opener.at, end: opener.at + opener.char.length },
        close: null,
        content: { start: opener.at + opener.char.length, end: para.end },
        depth: depth + base,
        marks: 'closing-missing',
      };
      out.push(q);
      nests.inside(q, stack.slice(0, depth));
    });
  });
  nests.settle();
  return joinedBlockQuotes(text, out).sort((a, b) => a.content.start - b.content.start || a.depth - b.depth);
}

/**
 * Block quotes of consecutive paragraphs, of one form and nothing but blank lines between
 * them, are one quotation of several paragraphs — as a Markdown `>` block of two paragraphs, or a page's
 * <blockquote> with two <p>, is read: a reader sees one quotation, and it may run over two
 * paragraphs of the source as one passage. (Parts from two places still split into two
 * passages when aligned, as any quotation spliced from two places does.)
 */
function joinedBlockQuotes(text: string, quotations: Quotation[]): Quotation[] {
  const out: Quotation[] = [];
  let last: Quotation | undefined;
  for (const q of quotations) {
    // The same form and depth of block quote: an indented paragraph and a ">" one are two
    // quotations, and so are a block quote and one nested in it (indented further, "> >").
    const sameForm = last !== undefined && blockPrefix(text, last.content.start) === blockPrefix(text, q.content.start);
    if (q.marks === 'block' && last && sameForm && /^\s*$/u.test(text.slice(last.content.end, q.content.start))) {
      last.content = { start: last.content.start, end: q.content.end };
      continue;
    }
    out.push(q);
    if (q.marks === 'block') last = q;
  }
  return out;
}

/** What opens a block quote's first line before its words: its indentation and its ">" marks. */
function blockPrefix(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === '>' || text[end] === ' ' || text[end] === '\t')) end++;
  // "> >" and ">>" are one depth; the space after a mark is not an indentation.
  return text.slice(lineStart, end).replace(/>[ \t]*/gu, '>');
}

/**
 * The single marks a quotation was found inside of, so that its depth can drop when one of
 * them turns out never to close — an apostrophe ('sixties, a dropped letter) rather than a
 * quotation: the double quotation after Mr O'Neill's "the 'sixties" is no quotation's inner one.
 */
class Nesting {
  private readonly below = new Map<Quotation, Opener[]>();
  private readonly dropped = new Set<Opener>();

  inside(q: Quotation, openers: readonly Opener[]): void {
    const singles = openers.filter((o) => o.family === 'single');
    if (singles.length > 0) this.below.set(q, singles);
  }

  drop(opener: Opener): void {
    this.dropped.add(opener);
  }

  settle(): void {
    if (this.dropped.size === 0) return;
    for (const [q, openers] of this.below) for (const o of openers) if (this.dropped.has(o)) q.depth--;
  }
}

/** A text's lines and blocks, found once for everything that reads them. */
export interface TextLayout {
  lines: readonly Line[];
  blocks: readonly Block[];
}

export function layoutOf(text: string): TextLayout {
  const all = lines(text);
  return { lines: all, blocks: blocks(text, all) };
}

/**
 * The mark at the head of a paragraph that reopens the quotation `opener` left open at the
 * end of the one before: the same mark, or another double mark for a double one, as writers
 * mix them (a straight " then a curly “, French « then », and a PDF's ” for “). A single
 * quotation is carried only by its own mark: a lone ’ at a paragraph's head is an apostrophe
 * (’Tis) far more often.
 */
function reopeningMark(text: string, at: number, opener: Opener): string | undefined {
  MARK_AT.lastIndex = at;
  const m = MARK_AT.exec(text);
  if (!m) return undefined;
  const mark = quotationMark(m[0])!;
  if (m[0] === opener.char) return m[0];
  return opener.family === 'double' && mark.family === 'double' && mark.shape !== 'inert' ? m[0] : undefined;
}

function findOpener(stack: readonly Opener[], closer: string): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (quotationMark(stack[i]!.char)!.closers.includes(closer)) return i;
  }
  return -1;
}

/**
 * Whether a mark opens a quotation, closes one or is none (an apostrophe, a unit sign), by
 * what stands on each side and what is open. `afterClose` says the mark before it closed a
 * quotation: a mark after a closing one closes too (‘… “Security”’, ’’ after a word).
 */
function roleOf(text: string, at: number, char: string, stack: readonly Opener[], paraEnd: number, ahead: Lookahead, afterClose: boolean): 'open' | 'close' | 'none' {
  const prev = at > 0 ? text[at - 1]! : ' ';
  const next = at + char.length < text.length ? text[at + char.length]! : ' ';
  const leftFlanking = !SPACE.test(next) && (OPENING_CONTEXT.test(prev) || (isQuotationMark(prev) && !afterClose) || at === 0);
  const rightFlanking = !SPACE.test(prev) && at > 0;
  const canClose = findOpener(stack, char) >= 0;
  const mark = quotationMark(char)!;
  // Two marks standing alone between spaces are no quotation's: an empty string (''), a ditto.
  if (char.length === 2 && !leftFlanking && !rightFlanking) return 'none';
  // After a digit a double mark is a unit (a 12" screen, a 9″ gun) unless it closes the open
  // quotation: it does ("… in 2022" she said) when no closing mark of that quotation is still
  // to come in the paragraph ("a 12" screen," he said" has one).
  if (mark.unitAfterDigit && DIGIT.test(prev) && !leftFlanking && (!canClose || closerAhead(text, at + char.length, paraEnd, ahead))) return 'none';
  switch (mark.shape) {
    case 'low':
      // Two commas open only before a word (,,Die Seiten…''): elsewhere they are a typo (",,").
      if (char.length === 2 && !leftFlanking) return 'none';
      return canClose && rightFlanking && !leftFlanking ? 'close' : 'open';
    case 'closing-first':
      if (canClose) return 'close';
      return leftFlanking && !rightFlanking ? 'open' : 'close';
    case 'left':
      // A left mark after a word and before a space closes: German „…“, and a PDF's "…“ or ”…“.
      if (canClose && rightFlanking && !leftFlanking) return 'close';
      // A lone ‘ inside a word (Hawai‘i) is an apostrophe; a double mark always opens.
      if (mark.family === 'double') return 'open';
      return leftFlanking ? 'open' : 'none';
    case 'right':
      if (canClose || rightFlanking) return 'close';
      return leftFlanking ? 'open' : 'close';
    case 'straight':
      if (leftFlanking && !rightFlanking) return 'open';
      if (rightFlanking && !leftFlanking) return 'close';
      return canClose ? 'close' : 'open';
    case 'apostrophe': {
      if (LETTER.test(prev) && LETTER.test(next)) return 'none';
      if (rightFlanking && !leftFlanking) return canClose && !isPluralPossessive(text, at, paraEnd, ahead) ? 'close' : 'none';
      // The straight one may open ('the sides'); ’ never does (’90s), nor does one that
      // drops letters or digits ('60s, the 'sixties, 'tis).
      if (leftFlanking && !rightFlanking && mark.closers.length > 0) return ELISION.test(text.slice(at + 1, at + 12)) ? 'none' : 'open';
      return 'none';
    }
    default:
      return 'none';
  }
}


/**
 * Whether the single mark at `at` is the apostrophe of a plural possessive inside a single
 * quotation ("‘democracy is a means of citizens’ participation in …’") rather than its
 * closing mark: it follows an "s", a lower-case word follows it, and a closing mark comes
 * later in the paragraph before any single mark opens another quotation. (‘the sides’ and
 * ‘the States’ are two quotations: a mark opens between them.)
 */
function isPluralPossessive(text: string, at: number, paraEnd: number, ahead: Lookahead): boolean {
  if (!possessiveShaped(text, at)) return false;
  // Every possessive before the mark that decided the last one is decided by it too: the
  // scan skips possessives. So a paragraph of them is read once, not once for each.
  if (at < ahead.until) return ahead.possessive;
  for (let j = at + 1; j < paraEnd; j++) {
    const mark = quotationMark(text[j]);
    if (!mark || mark.family !== 'single') continue;
    if (mark.shape === 'left' || mark.shape === 'low') return decided(ahead, j, false);
    if (mark.shape !== 'apostrophe') continue;
    const before = text[j - 1]!;
    const after = j + 1 < text.length ? text[j + 1]! : ' ';
    if (SPACE.test(before)) {
      if (!SPACE.test(after)) return decided(ahead, j, false);
      continue;
    }
    if (LETTER.test(before) && LETTER.test(after)) continue;
    if (!possessiveShaped(text, j)) return decided(ahead, j, true);
  }
  return decided(ahead, paraEnd, false);
}

/** What the last looks ahead for a closing mark found, and where they stopped. */
interface Lookahead {
  until: number;
  possessive: boolean;
  /** Where the last look past a unit sign stopped, and whether it stopped at a closing mark. */
  unitsUntil: number;
  closerAhead: boolean;
}

/**
 * Whether the next double mark from `from` in the paragraph, past other unit signs, is one
 * that can only close (after a word, before a space or punctuation). Every unit sign before
 * the mark that decided the last one is decided by it too, so a table of inches is read once.
 */
function closerAhead(text: string, from: number, paraEnd: number, ahead: Lookahead): boolean {
  if (from <= ahead.unitsUntil) return ahead.closerAhead;
  let j = from;
  for (; j < paraEnd; j++) {
    const mark = quotationMark(text[j]);
    if (!mark || mark.family !== 'double' || mark.shape === 'inert') continue;
    const before = text[j - 1]!;
    if (DIGIT.test(before) && mark.unitAfterDigit) continue;
    const after = j + 1 < text.length ? text[j + 1]! : ' ';
    ahead.unitsUntil = j;
    ahead.closerAhead = !SPACE.test(before) && !LETTER.test(after) && !isQuotationMark(before);
    return ahead.closerAhead;
  }
  ahead.unitsUntil = paraEnd;
  ahead.closerAhead = false;
  return false;
}

function decided(ahead: Lookahead, until: number, possessive: boolean): boolean {
  ahead.until = until;
  ahead.possessive = possessive;
  return possessive;
}

/** An "s" before the mark, a letter before that, and white space and a lower-case letter after it. */
function possessiveShaped(text: string, at: number): boolean {
  if (at < 2 || (text[at - 1] !== 's' && text[at - 1] !== 'S') || !LETTER.test(text[at - 2]!)) return false;
  let k = at + 1;
  if (k >= text.length || !SPACE.test(text[k]!)) return false;
  while (k < text.length && SPACE.test(text[k]!)) k++;
  return k < text.length && LOWER.test(text[k]!);
}

/** A line that names a block quote's source: "— Joint Statement, section III", "-- the Kremlin". */
const ATTRIBUTION_LINE = /^[\s>]*(?:[\u2014\u2013\u2015]|--)\s*\S/;

/**
 * A block quote's words without the line that says whose they are, as writers set it at its
 * foot ("— Joint Statement, 4 February 2022"): that line is the writer's, not the source's.
 * Null when the block is nothing but such a line.
 */
function withoutAttribution(text: string, para: Offsets, allLines: readonly Line[]): Offsets | null {
  const own: Offsets[] = [];
  for (let i = lowerBound(allLines, para.start + 1, (l) => l.end); i < allLines.length && allLines[i]!.start < para.end; i++) {
    if (!allLines[i]!.blank) own.push(allLines[i]!);
  }
  const last = own.at(-1);
  if (!last || !ATTRIBUTION_LINE.test(text.slice(last.start, last.end))) return para;
  if (own.length === 1) return null;
  let end = Math.min(para.end, own.at(-2)!.end);
  while (end > para.start && /\s/.test(text[end - 1]!)) end--;
  return { start: para.start, end };
}

/**
 * A block quote: every line of the paragraph starts with `>` or is indented by at least
 * two spaces or a tab. `allLines` are the text's lines, computed once for all paragraphs.
 */
function isBlockQuote(text: string, para: Offsets, allLines: readonly Line[]): boolean {
  const own: Offsets[] = [];
  for (let i = lowerBound(allLines, para.start + 1, (l) => l.end); i < allLines.length && allLines[i]!.start < para.end; i++) {
    if (!allLines[i]!.blank) own.push(allLines[i]!);
  }
  if (own.length === 0) return false;
  const lineStart = text.lastIndexOf('\n', para.start - 1) + 1;
  const firstLine = text.slice(lineStart, own[0]!.end);
  const quoted = (l: string) => /^\s*>/.test(l) || /^(?: {2,}|\t)\S/.test(l);
  return quoted(firstLine) && own.slice(1).every((l) => quoted(text.slice(l.start, l.end)));
}
