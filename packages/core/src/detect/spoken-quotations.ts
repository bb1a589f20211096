import type { Quotation } from './quotations.js';
import type { Block } from '../text/paragraphs.js';

const OPENING_WORDS = /\b(?:begin |open )?quote\b[,:]?[ \t]*/giu;
const CLOSING = /[ \t]*[,.;]?[ \t]*\b(?:end quote|end of quote|close quote|unquote)\b/iu;
/** Most words a spoken quotation runs to: a speaker quotes a sentence or two, not a page. */
const MAX_WORDS = 80;

/**
 * Quotations a speaker frames in words, as broadcast transcripts and interviews write it
 * down: "the friendship, quote, has no limits, end quote" — no marks, the spoken "quote"
 * and "end quote" (or "unquote", "end of quote", "close quote") give its extent. Only a
 * "quote" that an ending follows in the same paragraph opens one, so a quote of the
 * ordinary kind ("a quote from the text") is no mark; a framing whose words are already
 * inside quotation marks ("And I quote: "…" End of quote.") is the marks' quotation.
 */
export function spokenQuotations(text: string, blocks: readonly Block[]): Quotation[] {
  const out: Quotation[] = [];
  for (const block of blocks) {
    const para = text.slice(block.start, block.end);
    OPENING_WORDS.lastIndex = 0;
    for (let m = OPENING_WORDS.exec(para); m; m = OPENING_WORDS.exec(para)) {
      const word = m[0].trimEnd().replace(/[,:]$/u, '');
      // "end quote" closes; it does not open.
      if (/\bend\s*$/iu.test(para.slice(Math.max(0, m.index - 4), m.index)) || /^\s*of\b/iu.test(para.slice(m.index + m[0].length))) continue;
      const from = m.index + m[0].length;
      const rest = para.slice(from);
      const close = CLOSING.exec(rest);
      if (!close || close.index === 0) continue;
      const content = rest.slice(0, close.index);
      // Marks inside already give the quotation; another "quote" inside is another framing.
      if (/["“”„«»‘’'‹›]/u.test(content.trim().charAt(0)) || /\bquote\b/iu.test(content)) continue;
      if (content.split(/\s+/u).filter(Boolean).length > MAX_WORDS) continue;
      const start = block.start + from;
      out.push({
        open: { start: block.start + m.index, end: block.start + m.index + word.length },
        close: { start: start + close.index, end: start + close.index + close[0].length },
        content: { start, end: start + close.index },
        depth: 0,
        marks: 'paired',
      });
      OPENING_WORDS.lastIndex = from + close.index + close[0].length;
    }
  }
  return out;
}
