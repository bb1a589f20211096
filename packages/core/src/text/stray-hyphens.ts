import { formsOf } from './spellings.js';
import type { Token } from './tokenize.js';

/** A hyphen with white space after it (or before it) on one line: "nuclear- powered". */
const STRAY_SPACE = /^(?:[-\u2010\u2011][ \t\u00A0]+|[ \t\u00A0]+[-\u2010\u2011][ \t\u00A0]*)$/u;

/**
 * Joins the two words around a hyphen that a stray space cut off ("nuclear- powered",
 * as a PDF's line breaking leaves it) into one word, when the compound is a word of the
 * source ("nuclear-powered"): the quotation then compares as clean text would, its stray
 * space a difference of typography. A suspended hyphen ("short- and medium-range") stays
 * as it is, since "short-and" is no word of the source.
 */
export function joinStrayHyphens(text: string, tokens: Token[], isSourceWord: (key: string) => boolean): Token[] {
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    // Most gaps are one space: only one that holds a hyphen is looked at.
    if (b && b.start - a.end >= 2 && STRAY_SPACE.test(text.slice(a.end, b.start))) {
      const compound = `${text.slice(a.start, a.end)}-${text.slice(b.start, b.end)}`;
      const forms = formsOf(compound, 0, compound.length);
      if (isSourceWord(forms.key)) {
        out ??= tokens.slice(0, i);
        out.push({ start: a.start, end: b.end, bracketed: a.bracketed || b.bracketed, key: forms.key, forms });
        i++;
        continue;
      }
    }
    out?.push(a);
  }
  return out ?? tokens;
}
