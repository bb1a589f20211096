import type { EmphasisKind, EmphasisSpan } from '../types.js';

/** Plain text converted from a marked-up document, with the emphasis it carried. */
export interface ConvertedText {
  text: string;
  emphasis: EmphasisSpan[];
}

/** How far a block quote's lines are indented: the indented block quote of plain-text writing. */
const QUOTE_INDENT = '    ';

interface OpenSpan {
  kind: EmphasisKind;
  /** Where the first character inside the span landed; null until one has. */
  start: number | null;
}

/**
 * Writes plain text the way a browser lays it out: white space collapsed, blocks separated
 * by blank lines, block quotes as their own indented paragraphs. Separators are written
 * lazily, only when the next visible character arrives, so text never starts or ends with
 * one and an emphasis span never includes the space or break before its first word.
 */
export class PlainTextBuilder {
  private out = '';
  private pendingSpace = false;
  /** 0 none, 1 line break, 2 paragraph break. */
  private pendingBreak: 0 | 1 | 2 = 0;
  private quoteDepth = 0;
  private readonly open: OpenSpan[] = [];
  private readonly spans: EmphasisSpan[] = [];

  /** Text whose runs of white space mean one space (HTML, Markdown inline text). */
  text(value: string): void {
    for (const piece of value.split(/([ \t\n\f\r]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\n\f\r]+$/.test(piece)) this.pendingSpace = true;
      else this.write(piece);
    }
  }

  /** Text whose spaces and line breaks are meant as they are (`<pre>`, code blocks). */
  preformatted(value: string): void {
    const lines = value.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.lineBreak();
      if (line.trim() !== '') this.write(line, true);
    });
  }

  /**
   * A closing mark the markup implies (a <q>'s): written against the word before it, as a
   * browser draws it, the space the words ended with moving after it.
   */
  closingMark(mark: string): void {
    const space = this.pendingSpace;
    this.pendingSpace = false;
    this.write(mark);
    this.pendingSpace = space;
  }

  lineBreak(): void {
    if (this.pendingBreak < 1) this.pendingBreak = 1;
  }

  paragraphBreak(): void {
    this.pendingBreak = 2;
  }

  enterQuote(): void {
    this.paragraphBreak();
    this.quoteDepth += 1;
  }

  leaveQuote(): void {
    this.paragraphBreak();
    this.quoteDepth = Math.max(0, this.quoteDepth - 1);
  }

  openEmphasis(kind: EmphasisKind): void {
    this.open.push({ kind, start: null });
  }

  closeEmphasis(kind: EmphasisKind): void {
    // Close the innermost span of this kind: ill-nested HTML (<b><i></b></i>) must not swap kinds.
    for (let i = this.open.length - 1; i >= 0; i--) {
      const span = this.open[i]!;
      if (span.kind !== kind) continue;
      this.open.splice(i, 1);
      if (span.start !== null && this.out.length > span.start) {
        this.spans.push({ start: span.start, end: this.out.length, kind });
      }
      return;
    }
  }

  result(): ConvertedText {
    for (const span of [...this.open].reverse()) this.closeEmphasis(span.kind);
    const seen = new Set<string>();
    const emphasis = this.spans
      .filter((s) => {
        const key = `${s.start}:${s.end}:${s.kind}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
    return { text: this.out, emphasis };
  }

  private write(visible: string, keepLeadingSpace = false): void {
    if (this.out.length > 0) {
      if (this.pendingBreak === 2) this.out += '\n\n';
      else if (this.pendingBreak === 1) this.out += '\n';
      else if (this.pendingSpace && !keepLeadingSpace) this.out += ' ';
    }
    if (this.out.length === 0 || this.pendingBreak > 0) this.out += QUOTE_INDENT.repeat(this.quoteDepth);
    this.pendingBreak = 0;
    this.pendingSpace = false;
    for (const span of this.open) if (span.start === null) span.start = this.out.length;
    this.out += visible;
  }
}
