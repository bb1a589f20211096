import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What a web page says about itself, each field absent when the page does not say. */
export interface PageMetadata {
  title?: string;
  author?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): the publication date, without its time. */
  date?: string;
  /** The canonical address, absolute (http or https). */
  url?: string;
  /** The publication: `og:site_name`, the JSON-LD publisher. */
  site?: string;
  language?: string;
}

/**
 * The metadata a saved or fetched page carries: its JSON-LD (schema.org Article and its
 * kinds), Open Graph and article:* properties, the usual meta names (author, date, Dublin
 * Core), `<link rel="canonical">`, `<title>` and `<html lang>`. JSON-LD comes first: it is
 * what the publisher wrote for machines; `<title>` last, as it often carries the site's
 * name. `baseUrl` (where the page came from) resolves a relative canonical address.
 * Read with parse5, as the text is: the same tree a browser would build.
 */
export function htmlMetadata(html: string, options: { baseUrl?: string } = {}): PageMetadata {
  const found = collect(parse(html));
  const article = articleOf(found.jsonLd);
  const meta = (...keys: string[]) => first(keys.map((k) => found.meta.get(k)));
  const notAddress = (value: string | undefined) => (value && !/^https?:\/\//i.test(value) ? value : undefined);

  const out: PageMetadata = {};
  const set = <K extends keyof PageMetadata>(key: K, value: string | undefined) => {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) out[key] = clean;
  };
  set('title', first([text(article?.headline), text(article?.name), meta('og:title', 'twitter:title', 'dc.title', 'title'), found.title]));
  set(
    'author',
    first([
      names(article?.author),
      meta('author', 'dc.creator', 'parsely-author', 'sailthru.author'),
      notAddress(meta('article:author')),
      meta('byl')?.replace(/^by\s+/i, ''),
    ]),
  );
  set(
    'date',
    first([text(article?.datePublished), meta('article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'pubdate', 'publish-date', 'parsely-pub-date', 'sailthru.date'), text(article?.dateCreated)].map(calendarDate)),
  );
  set('url', first([found.canonical, meta('og:url'), text(article?.url)].map((u) => absolute(u, options.baseUrl))));
  set('site', first([meta('og:site_name'), names(article?.publisher), meta('application-name')]));
  set('language', first([found.lang, meta('og:locale')?.replace('_', '-'), text(article?.inLanguage)]));
  return out;
}

interface Collected {
  /** Lower-cased `name` or `property` → the first `content` given for it. */
  meta: Map<string, string>;
  title?: string;
  canonical?: string;
  lang?: string;
  jsonLd: unknown[];
}

/** One pass over the tree, with a stack rather than recursion: a page may nest deep. */
function collect(document: DefaultTreeAdapterMap['document']): Collected {
  const out: Collected = { meta: new Map(), jsonLd: [] };
  const stack: Node[] = [...document.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    const el = node as Element;
    const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
    switch (el.tagName) {
      case 'html':
        out.lang ??= attr('lang')?.trim() || undefined;
        break;
      case 'meta': {
        const key = (attr('property') ?? attr('name') ?? attr('itemprop'))?.trim().toLowerCase();
        const content = attr('content');
        if (key && content?.trim() && !out.meta.has(key)) out.meta.set(key, content);
        break;
      }
      case 'link':
        if (attr('rel')?.toLowerCase().split(/\s+/).includes('canonical')) out.canonical ??= attr('href');
        break;
      case 'title':
        // The document's title, not one inside an <svg>.
        if (el.namespaceURI === 'http://www.w3.org/1999/xhtml') out.title ??= textOf(el);
        break;
      case 'script':
        if (attr('type')?.trim().toLowerCase() === 'application/ld+json') {
          try {
            out.jsonLd.push(JSON.parse(textOf(el)));
          } catch {
            // A malformed block says nothing; the page's other metadata still counts.
          }
        }
        break;
    }
    const children = el.tagName === 'template' ? [] : el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function textOf(el: Element): string {
  return el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article$|^BlogPosting$|^Report$|^WebPage$|^SocialMediaPosting$|^Review$/;

/** The JSON-LD node describing the page's article: blocks, arrays and `@graph`s flattened. */
function articleOf(blocks: unknown[]): JsonObject | undefined {
  const nodes: JsonObject[] = [];
  const queue = [...blocks];
  while (queue.length > 0 && nodes.length < 1000) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const node = item as JsonObject;
      nodes.push(node);
      if (Array.isArray(node['@graph'])) queue.push(...node['@graph']);
    }
  }
  const types = (n: JsonObject) => [n['@type']].flat().filter((t): t is string => typeof t === 'string');
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  // An article proper before the web page that holds it.
  return articles.find((n) => !types(n).includes('WebPage')) ?? articles[0];
}

function first(values: Array<string | undefined>): string | undefined {
  return values.find((v) => v !== undefined && v.trim() !== '');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A person or organisation, or several: their names, joined. */
function names(value: unknown): string | undefined {
  const list = [value].flat().flatMap((v) => {
    if (typeof v === 'string') return /^https?:\/\//i.test(v) ? [] : [v];
    if (v && typeof v === 'object' && typeof (v as JsonObject).name === 'string') return [(v as JsonObject).name as string];
    return [];
  });
  const unique = [...new Set(list.map((n) => n.trim()).filter(Boolean))];
  return unique.length > 0 ? unique.join(', ') : undefined;
}

/** The calendar date a timestamp starts with ("2022-02-10T08:00:00+03:00" → "2022-02-10"). */
function calendarDate(value: string | undefined): string | undefined {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(value ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match;
  if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return undefined;
  if (d !== undefined && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return [y, m, d].filter(Boolean).join('-');
}

function absolute(value: string | undefined, base: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
