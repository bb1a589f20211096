import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type { EmphasisKind } from '../types.js';
import { appendHtmlFragment } from './html.js';
import { PlainTextBuilder, type ConvertedText } from './plain-text-builder.js';

/**
 * `typographer` stays off: it would turn the author's straight quotes and dashes into
 * others, and the store keeps the words as written. Raw HTML is allowed so that `<em>`
 * in Markdown is read as emphasis rather than kept as literal tags.
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnotes);

/**
 * A static-site generator's front matter (YAML between `---` lines, TOML between `+++`)
 * opening the file: the post's settings, not its text. A rendered page never shows it.
 */
const FRONT_MATTER = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:\1|\.\.\.)[ \t]*(?:\r?\n|$)/;

const INLINE_HTML_EMPHASIS = /^<\s*(\/?)\s*(em|i|strong|b)\b[^>]*>$/i;
const INLINE_HTML_BREAK = /^<\s*br\b[^>]*>$/i;

/** Markdown as plain text: one paragraph per block, emphasis (`*…*`, `_…_`, `**…**`) as offsets. */
export function markdownToText(source: string): ConvertedText {
  const builder = new PlainTextBuilder();
  const notes: NoteState = { label: null };
  for (const token of markdown.parse(source.replace(FRONT_MATTER, ''), {})) appendBlockToken(builder, token, notes);
  return builder.result();
}

/** A footnote's number, waiting for the first word of its text. */
interface NoteState {
  label: string | null;
}

function appendBlockToken(builder: PlainTextBuilder, token: Token, notes: NoteState): void {
  switch (token.type) {
    case 'footnote_open':
      // The notes come last, each its own paragraph under the number the page shows for it.
      builder.paragraphBreak();
      notes.label = `${Number((token.meta as { id: number }).id) + 1}.`;
      break;
    case 'blockquote_open':
      builder.enterQuote();
      break;
    case 'blockquote_close':
      builder.leaveQuote();
      break;
    case 'paragraph_open':
    case 'paragraph_close':
    case 'heading_open':
    case 'heading_close':
    case 'list_item_open':
    case 'list_item_close':
    case 'tr_open':
    case 'tr_close':
    case 'hr':
      builder.paragraphBreak();
      break;
    case 'th_open':
    case 'td_open':
      builder.text(' ');
      break;
    case 'fence':
    case 'code_block':
      builder.paragraphBreak();
      builder.preformatted(token.content);
      builder.paragraphBreak();
      break;
    case 'html_block':
      builder.paragraphBreak();
      appendHtmlFragment(builder, token.content);
      builder.paragraphBreak();
      break;
    case 'inline':
      if (notes.label !== null) {
        builder.text(`${notes.label} `);
        notes.label = null;
      }
      for (const child of token.children ?? []) appendInlineToken(builder, child);
      break;
    default:
      break;
  }
}

function appendInlineToken(builder: PlainTextBuilder, token: Token): void {
  switch (token.type) {
    case 'text':
    case 'code_inline':
      builder.text(token.content);
      break;
    case 'softbreak':
    case 'hardbreak':
      builder.lineBreak();
      break;
    case 'em_open':
      builder.openEmphasis('emphasis');
      break;
    case 'em_close':
      builder.closeEmphasis('emphasis');
      break;
    case 'strong_open':
      builder.openEmphasis('strong');
      break;
    case 'strong_close':
      builder.closeEmphasis('strong');
      break;
    case 'html_inline':
      appendInlineHtml(builder, token.content);
      break;
    case 'footnote_ref':
      // Drawn as a small number beside a word, not a word of the sentence: as text it would
      // glue to the word it follows and change a quoted word. The note itself is kept.
      break;
    default:
      // Links keep their text (a child token); images, whose alt text is no part of the prose, do not.
      break;
  }
}

/** Inline HTML arrives one tag at a time, so it cannot be parsed as a fragment. */
function appendInlineHtml(builder: PlainTextBuilder, tag: string): void {
  const emphasis = INLINE_HTML_EMPHASIS.exec(tag.trim());
  if (emphasis) {
    const kind: EmphasisKind = /^(em|i)$/i.test(emphasis[2]!) ? 'emphasis' : 'strong';
    if (emphasis[1] === '/') builder.closeEmphasis(kind);
    else builder.openEmphasis(kind);
  } else if (INLINE_HTML_BREAK.test(tag.trim())) {
    builder.lineBreak();
  }
}
