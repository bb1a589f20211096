import { defaultTreeAdapter, parse, parseFragment, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import { StoreError } from '../errors.js';
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

/**
 * The page's furniture, not the writer's text: the site's banner and footer, sidebars, and
 * the widgets a page sets around its article (share buttons, bylines, related links,
 * newsletter boxes). Told by the element's landmark role or by a word of its class or id, as
 * pages mark them; `aside` is the element the spec gives to them.
 */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'toolbar', 'menu', 'menubar', 'dialog', 'alertdialog']);
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'social', 'byline', 'related', 'newsletter', 'subscribe', 'subscription',
  'promo', 'advert', 'advertisement', 'ad', 'ads', 'sponsored', 'breadcrumb', 'breadcrumbs',
  'comments', 'cookie', 'cookies', 'sidebar', 'toolbar', 'paywall', 'signup', 'kicker',
  // A page older than <nav> and <footer> names its menus and footer in its ids and classes.
  'nav', 'navbar', 'navigation', 'menu', 'masthead', 'footer', 'copyright',
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
  const document = parse(html, { treeAdapter: depthBoundedTreeAdapter() });
  const builder = new PlainTextBuilder();
  const root = mainContent(document);
  if (root) appendHtmlNode(builder, root, { preformatted: false, textOfWhole: textLength(root) });
  return builder.result();
}

/** Raw HTML inside Markdown goes through the same walk. */
export function appendHtmlFragment(builder: PlainTextBuilder, html: string): void {
  const fragment = parseFragment(html, { treeAdapter: depthBoundedTreeAdapter() });
  const walk = { preformatted: false, textOfWhole: textLength(fragment) };
  for (const node of fragment.childNodes) appendHtmlNode(builder, node, walk);
}

/**
 * How deep elements may nest. Real pages stay far below it (browsers' own parsers stop
 * nesting at 512); a hostile one nesting 50,000 <div>s would cost the parser minutes (each
 * end tag searches the open elements) and overflow the recursive walk below.
 */
export const MAX_HTML_DEPTH = 1_000;

/**
 * parse5's tree, refusing while it parses an element nested deeper than MAX_HTML_DEPTH:
 * the refusal comes before the parser's cost grows with the depth, and every walk of the
 * tree afterwards recurses at most that deep.
 */
function depthBoundedTreeAdapter(): TreeAdapter<DefaultTreeAdapterMap> {
  // A <template>'s content is a fragment of its own; its depth continues the template's.
  const templateOf = new WeakMap<Node, Node>();
  const check = (parent: ParentNode): void => {
    let depth = 1;
    for (let node: Node | undefined = parent; node; node = (node as { parentNode?: Node | null }).parentNode ?? templateOf.get(node)) {
      if (++depth > MAX_HTML_DEPTH) {
        throw new StoreError(
          'invalid',
          `The HTML nests elements more than ${MAX_HTML_DEPTH.toLocaleString('en')} levels deep, far deeper than any page a reader sees; add the page as it is saved by a browser, or its text.`,
        );
      }
    }
  };
  return {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      check(parent);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      check(parent);
      defaultTreeAdapter.insertBefore(parent, node, reference);
    },
    setTemplateContent(template, content) {
      templateOf.set(content, template);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
  };
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
  if (isElement(node) && DROPPED.has(node.tagName)) return 0;
  if (!('childNodes' in node)) return 0;
  return node.childNodes.reduce((sum, child) => sum + textLength(child), 0);
}

interface Walk {
  preformatted: boolean;
  /** The visible text of what is being read, to tell a widget from the page that holds it. */
  textOfWhole: number;
}

function appendHtmlNode(builder: PlainTextBuilder, node: Node, walk: Walk): void {
  if (node.nodeName === '#text') {
    const value = (node as DefaultTreeAdapterMap['textNode']).value;
    if (walk.preformatted) builder.preformatted(value);
    else builder.text(value);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName;
  if (DROPPED.has(tag) || isHidden(node) || isFurniture(node, walk.textOfWhole) || isNoteReference(node)) return;
  const inner = tag === 'pre' && !walk.preformatted ? { ...walk, preformatted: true } : walk;
  const children = () => {
    for (const child of node.childNodes) appendHtmlNode(builder, child, inner);
  };
  const emphasis = EMPHASIS.get(tag);
  if (emphasis) {
    builder.openEmphasis(emphasis);
    children();
    builder.closeEmphasis(emphasis);
  } else if (tag === 'blockquote') {
    // Its <footer> or <cite> says whose words they are: the writer's line, after the quote.
    const sourceLine = (child: Node) => isElement(child) && (child.tagName === 'footer' || child.tagName === 'cite');
    builder.enterQuote();
    for (const child of node.childNodes) if (!sourceLine(child)) appendHtmlNode(builder, child, inner);
    builder.leaveQuote();
    for (const child of node.childNodes.filter(sourceLine)) {
      builder.paragraphBreak();
      appendHtmlNode(builder, child, inner);
      builder.paragraphBreak();
    }
  } else if (tag === 'q') {
    // A browser draws a <q>'s quotation marks itself; without them the words would no longer read as quoted.
    const nested = quoteDepth(node) > 0;
    builder.text(nested ? '\u2018' : '\u201C');
    children();
    builder.closingMark(nested ? '\u2019' : '\u201D');
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

/** What a footnote's reference shows: 3, [3], (3), *, †, ‡, §, a, iv. */
const NOTE_MARKER = /^[[(]?(\d{1,3}|[*\u2020\u2021\u00A7]{1,3}|[a-z]|[ivx]{1,5})[\])]?$/;

/**
 * A footnote's reference (a superscript number, or a link the page names a note reference):
 * drawn small beside a word, not a word of the sentence. As text it would glue to the word
 * it follows ("areas3") and change a quoted word; the note itself stays in the text.
 */
function isNoteReference(el: Element): boolean {
  if (el.attrs.some((a) => a.name === 'role' && a.value.trim() === 'doc-noteref')) return true;
  if (el.tagName !== 'sup') return false;
  return NOTE_MARKER.test(visibleText(el).trim());
}

function visibleText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && DROPPED.has(node.tagName)) return '';
  if (!('childNodes' in node)) return '';
  return node.childNodes.map(visibleText).join('');
}

/** How many <q> elements hold this one. */
function quoteDepth(el: Element): number {
  let depth = 0;
  for (let node = el.parentNode; node && isElement(node); node = node.parentNode) if (node.tagName === 'q') depth += 1;
  return depth;
}

/**
 * A page-level <header> or <footer> (one no article, section, aside, nav or main holds) is
 * the site's banner or footer; an article's own header keeps its title.
 */
function isFurniture(el: Element, textOfWhole: number): boolean {
  if (el.tagName === 'aside') return true;
  if ((el.tagName === 'header' || el.tagName === 'footer') && !insideSection(el)) return true;
  const named = el.attrs.some(
    (attr) =>
      (attr.name === 'role' && FURNITURE_ROLES.has(attr.value.trim().toLowerCase())) ||
      ((attr.name === 'class' || attr.name === 'id') && attr.value.toLowerCase().split(/[^a-z]+/).some((word) => FURNITURE_WORDS.has(word))),
  );
  // A class word is a hint, not a verdict: a wrapper named "with-sidebar" that holds most of
  // the page is the page, and is read.
  return named && textLength(el) * 2 < textOfWhole;
}

function insideSection(el: Element): boolean {
  for (let node = el.parentNode; node && isElement(node); node = node.parentNode) {
    if (['article', 'section', 'aside', 'nav', 'main'].includes(node.tagName)) return true;
  }
  return false;
}

function isHidden(el: Element): boolean {
  return el.attrs.some((a) => a.name === 'hidden' || (a.name === 'aria-hidden' && a.value === 'true'));
}
