import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { EmphasisKind } from '../types.js';
import { PlainTextBuilder, type ConvertedText } from './plain-text-builder.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Never text of the document: code, styling, navigation, forms and embedded media. */
const DROPPED = new Set([
  'head', 'script', 'style', 'nav', 'noscript', 'template', 'iframe', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'form', 'button', 'select', 'input', 'textarea',
]);

/** Elements that begin and end a paragraph of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'html', 'legend', 'li', 'main', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const EMPHASIS: ReadonlyMap<string, EmphasisKind> = new Map([
  ['em', 'emphasis'], ['i', 'emphasis'], ['strong', 'strong'], ['b', 'strong'],
]);

/**
 * A saved web page as plain text: the article (or main content, or body) without scripts,
 * styles and navigation, with its italics and bold kept as offsets.
 */
export function htmlToText(html: string): ConvertedText {
  const document = parse(html);
  const builder = new PlainTextBuilder();
  const root = mainContent(document);
  if (root) appendHtmlNode(builder, root);
  return builder.result();
}

/** Raw HTML inside Markdown goes through the same walk. */
export function appendHtmlFragment(builder: PlainTextBuilder, html: string): void {
  for (const node of parseFragment(html).childNodes) appendHtmlNode(builder, node);
}

/**
 * The element holding the text a reader came for. A page may have several <article>s
 * (the story and teasers of others); the one with the most text is the story.
 */
function mainContent(document: ParentNode): Element | undefined {
  for (const tag of ['article', 'main', 'body']) {
    const found = elements(document, tag);
    if (found.length === 0) continue;
    return found.reduce((best, el) => (textLength(el) > textLength(best) ? el : best));
  }
  return undefined;
}

function elements(parent: ParentNode, tag: string, out: Element[] = []): Element[] {
  for (const node of parent.childNodes) {
    if (!isElement(node)) continue;
    if (node.tagName === tag) out.push(node);
    else if (!DROPPED.has(node.tagName)) elements(node, tag, out);
  }
  return out;
}

function textLength(node: Node): number {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value.trim().length;
  if (!isElement(node) || DROPPED.has(node.tagName)) return 0;
  return node.childNodes.reduce((sum, child) => sum + textLength(child), 0);
}

function appendHtmlNode(builder: PlainTextBuilder, node: Node, preformatted = false): void {
  if (node.nodeName === '#text') {
    const value = (node as DefaultTreeAdapterMap['textNode']).value;
    if (preformatted) builder.preformatted(value);
    else builder.text(value);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName;
  if (DROPPED.has(tag) || isHidden(node)) return;
  const children = () => {
    for (const child of node.childNodes) appendHtmlNode(builder, child, preformatted || tag === 'pre');
  };
  const emphasis = EMPHASIS.get(tag);
  if (emphasis) {
    builder.openEmphasis(emphasis);
    children();
    builder.closeEmphasis(emphasis);
  } else if (tag === 'blockquote') {
    builder.enterQuote();
    children();
    builder.leaveQuote();
  } else if (tag === 'br') {
    builder.lineBreak();
  } else if (tag === 'hr' || tag === 'pre' || BLOCKS.has(tag)) {
    builder.paragraphBreak();
    children();
    builder.paragraphBreak();
  } else if (tag === 'td' || tag === 'th') {
    builder.text(' ');
    children();
    builder.text(' ');
  } else {
    children();
  }
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isHidden(el: Element): boolean {
  return el.attrs.some((a) => a.name === 'hidden' || (a.name === 'aria-hidden' && a.value === 'true'));
}
