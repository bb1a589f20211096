import { CLOSING_MARKS } from '../detect/quotation-marks.js';
import type { Paragraph } from '../types.js';

export interface Line {
  start: number;
  end: number;
  blank: boolean;
}

export interface Block {
  start: number;
  end: number;
  lines: number;
}

const SECTION_NUMERAL = /^(?:[IVXLC]{1,7})\.?$/;
/** A line ending so is a sentence, not a title: a full stop, perhaps a quotation's closing mark. */
const SENTENCE_END = new RegExp(`[.!?:;…)${CLOSING_MARKS}]$`, 'u');
const MAX_TITLE_LENGTH = 300;
const HARD_WRAP_WIDTH = 100;
const PARAGRAPH_END = new RegExp(`[.!?:;)${CLOSING_MARKS}]$`, 'u');

/**
 * The lines of a text, with CRLF, CR and LF all accepted as line breaks. Every source and
 * commentary is cut so before anything else: the breaks are found by indexOf, which the
 * engine runs over a text many times faster than a regular expression's search, and a line
 * is blank when it has only white space, looked at in place rather than sliced and trimmed.
 */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    // The next break: CR LF, a CR alone or an LF.
    const atCr = cr >= 0 && (lf < 0 || cr < lf);
    const at = atCr ? cr : lf;
    out.push(makeLine(text, start, at));
    start = at + (atCr && lf === cr + 1 ? 2 : 1);
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
  }
  out.push(makeLine(text, start, text.length));
  return out;
}

function makeLine(text: string, start: number, end: number): Line {
  return { start, end, blank: onlyWhiteSpace(text, start, end) };
}

const WHITE_SPACE = /\s/u;

/** Whether `text[start, end)` is all white space as String.prototype.trim has it (what \s matches). */
function onlyWhiteSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80 || !WHITE_SPACE.test(text[i]!)) return false;
  }
  return true;
}

/**
 * Blocks of text: separated by blank lines when the text has any between its lines of
 * text, otherwise one block per line (the op-ed puts each paragraph on a line of its own).
 * Each block's offsets are trimmed of surrounding white space.
 */
export function blocks(text: string, all: readonly Line[] = lines(text)): Block[] {
  const firstText = all.findIndex((l) => !l.blank);
  let lastText = -1;
  for (let i = all.length - 1; i >= 0; i--) if (!all[i]!.blank) { lastText = i; break; }
  const separatedByBlankLines = all.slice(firstText, lastText + 1).some((l) => l.blank);
  // Without blank lines, short lines are a hard-wrapped text (a line that stops mid-sentence
  // goes on in the next one); long lines are one paragraph each (the op-ed).
  const hardWrapped = !separatedByBlankLines && all.every((l) => l.end - l.start <= HARD_WRAP_WIDTH);
  const out: Block[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const start = current[0]!.start;
    const end = current[current.length - 1]!.end;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    out.push({ start: start + lead, end: end - trail, lines: current.length });
    current = [];
  };
  for (const line of all) {
    if (line.blank) flush();
    else {
      current.push(line);
      const endsParagraph = !hardWrapped || PARAGRAPH_END.test(text.slice(line.start, line.end).trimEnd());
      if (!separatedByBlankLines && endsParagraph) flush();
    }
  }
  flush();
  return out;
}

/**
 * Splits a document into paragraphs with human locators. A text whose paragraphs are
 * grouped under Roman section numerals standing alone (the joint statement) gets
 * `section.paragraph` locators, with `0.n` for the preamble; any other text gets `¶n`.
 * A short first line without closing punctuation is the title (locator `title`).
 * Locators depend only on the text, so they are stable for a given version.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const all = blocks(text);
  const isNumeral = (b: Block) => SECTION_NUMERAL.test(text.slice(b.start, b.end));
  const hasSections = all.some(isNumeral);
  const out: Paragraph[] = [];
  let section: string | null = hasSections ? '0' : null;
  let n = 0;
  all.forEach((b, i) => {
    const body = text.slice(b.start, b.end);
    if (hasSections && isNumeral(b)) {
      section = body.replace(/\.$/, '');
      n = 0;
      return;
    }
    if (i === 0 && all.length > 1 && isTitle(body, b)) {
      out.push({ start: b.start, end: b.end, locator: 'title', section: null, title: true });
      return;
    }
    n += 1;
    const locator = section === null ? `¶${n}` : `${section}.${n}`;
    out.push({ start: b.start, end: b.end, locator, section, title: false });
  });
  return out;
}

function isTitle(body: string, b: Block): boolean {
  return b.lines === 1 && body.length <= MAX_TITLE_LENGTH && !SENTENCE_END.test(body);
}

/** The locator of a span: its paragraph's, or a range `I.1–I.2` when it crosses paragraphs. */
export function locatorOf(paragraphs: readonly Paragraph[], start: number, end: number): string {
  const first = paragraphAt(paragraphs, start);
  const last = paragraphAt(paragraphs, Math.max(start, end - 1));
  if (!first || !last) return first?.locator ?? last?.locator ?? '';
  return first === last ? first.locator : `${first.locator}–${last.locator}`;
}

/** The paragraph containing an offset, or the nearest one before it. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found: Paragraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (p.start <= offset) {
      found = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? paragraphs[0];
}
