/**
 * The two columns of the comparison as trees of text segments (see nest.ts): each passage one
 * element holding its word differences, omitted source paragraphs set apart, paragraph breaks,
 * headings and locators in place. The trees hold each document's text exactly once and nothing
 * else, so the page renders text as text and a reader who selects a column copies the document.
 */
import { nest, type Item, type Node } from '../text/nest';
import type { DiffView, DocumentText, Mark, OmissionGroup, PassageView, Report, Side } from './model';
import { emphasisKind } from './passages';

type Items = Item<Mark>[];

/** Words longer than this are summarised where they stand in for the other column's text. */
const GHOST_LIMIT = 60;

export function sourceColumn(doc: DocumentText, passages: PassageView[], groups: OmissionGroup[], report: Report): Node<Mark>[] {
  const found = passages.filter((p): p is PassageView & { source: NonNullable<PassageView['source']> } => p.source !== null);
  const top: Items = [
    ...passageItems('source', found, (p) => p.source, (p) => [diffItems('source', p.differences)]),
    ...groups.map(
      (group): Item<Mark> => ({
        start: group.start,
        end: group.end,
        data: { kind: 'omission-group', group },
        tiers: [wholeOmissions(report).filter((o) => o.start >= group.start && o.end <= group.end).map(omittedItem)],
      }),
    ),
    ...report.omissions.filter((o) => !o.whole).map(omittedItem),
  ];
  return nest(doc.text, [blockItems(doc, top), top, ...sharedTiers(doc)]);
}

export function commentaryColumn(doc: DocumentText, passages: PassageView[], report: Report): Node<Mark>[] {
  const markers = emphasisMarkers(report);
  const within = (m: { start: number; end: number }, p: PassageView) => m.start >= p.commentary.start && m.end <= p.commentary.end;
  const top: Items = [
    ...passageItems('commentary', passages, (p) => p.commentary, (p) => [
      diffItems('commentary', p.differences),
      [...editorialItems(report, p.id), ...markers.filter((m) => within(m, p))],
      emphasizedItems(report, p.id),
    ]),
    // A marker that follows its passage stands on its own; one that interrupts it is inside it.
    ...markers.filter((m) => !passages.some((p) => within(m, p))),
  ];
  return nest(doc.text, [blockItems(doc, top), top, ...sharedTiers(doc)]);
}

/**
 * Passage elements of one column. A passage whose span lies wholly inside another's there (the
 * commentary quoting a source sentence twice, once whole and once in part; a quotation inside
 * a quotation) is an element of its own inside that one, and inside it only its own marks
 * show. When two passages overlap without one holding the other, the later one starts where
 * the earlier ends, because a tree cannot hold crossing elements.
 */
function passageItems<P extends PassageView>(
  side: Side,
  passages: P[],
  spanOf: (p: P) => { start: number; end: number },
  tiersOf: (p: P) => Items[],
  nested = false,
): Items {
  const ordered = [...passages].sort((a, b) => spanOf(a).start - spanOf(b).start || spanOf(b).end - spanOf(a).end);
  const hosts: Array<{ passage: P; start: number; end: number; inner: P[] }> = [];
  for (const p of ordered) {
    const { start, end } = spanOf(p);
    const host = hosts[hosts.length - 1];
    if (host && start >= spanOf(host.passage).start && end <= host.end) host.inner.push(p);
    else hosts.push({ passage: p, start: Math.max(start, host?.end ?? -1), end, inner: [] });
  }
  return hosts.map(({ passage, start, end, inner }): Item<Mark> => {
    const own = tiersOf(passage);
    const outside = (item: Item<Mark>) => !inner.some((q) => item.start >= spanOf(q).start && item.end <= spanOf(q).end);
    return {
      start,
      end,
      data: { kind: 'passage', side, passage, nested },
      tiers: inner.length === 0 ? own : [passageItems(side, inner, spanOf, tiersOf, true), ...own.map((tier) => tier.filter(outside))],
    };
  });
}

/**
 * A difference is an element where its words are; where that column has none (a word the
 * commentary left out, a word it added), the other column's words stand at the place instead.
 */
function diffItems(side: Side, diffs: DiffView[]): Items {
  return diffs.map((diff) => {
    const here = diff[side];
    if (here.start < here.end) return { start: here.start, end: here.end, data: { kind: 'diff', side, diff } };
    const other = side === 'source' ? diff.commentary.text : diff.source.text;
    return { start: here.start, end: here.start, data: { kind: 'ghost', side, diff, words: ghostWords(other, diff.editorial) } };
  });
}

/** Long stretches (an ellipsis hides a sentence) are counted rather than spelled out. */
export function ghostWords(text: string, editorial: boolean): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!editorial && flat.length <= GHOST_LIMIT) return flat;
  const words = flat === '' ? 0 : flat.split(' ').length;
  return `${words} ${words === 1 ? 'word' : 'words'}`;
}

function editorialItems(report: Report, passageId: string): Items {
  const passage = report.passages.find((p) => p.id === passageId);
  return (passage?.marks ?? []).flatMap((m): Items =>
    m.type === 'ellipsis' || m.type === 'bracket' || m.type === 'sic'
      ? [{ start: m.commentary.start, end: m.commentary.end, data: { kind: 'editorial', type: m.type } }]
      : [],
  );
}

function emphasizedItems(report: Report, passageId: string): Items {
  const passage = report.passages.find((p) => p.id === passageId);
  return (passage?.marks ?? []).flatMap((m): Items =>
    'emphasized' in m && m.emphasized
      ? m.emphasized.map((s) => ({ start: s.start, end: s.end, data: { kind: 'emphasized', emphasis: emphasisKind(m.type, m.commentary.text) } }))
      : [],
  );
}

function emphasisMarkers(report: Report): Items {
  return report.passages.flatMap((p) =>
    p.marks.flatMap((m): Items =>
      m.type === 'emphasis-added' || m.type === 'emphasis-original'
        ? [
            {
              start: m.commentary.start,
              end: m.commentary.end,
              data: { kind: 'emphasis-marker', passageId: p.id, type: m.type, emphasis: emphasisKind(m.type, m.commentary.text) },
            },
          ]
        : [],
    ),
  );
}

function wholeOmissions(report: Report) {
  return report.omissions.filter((o) => o.whole);
}

function omittedItem(o: Report['omissions'][number]): Item<Mark> {
  return { start: o.start, end: o.end, data: { kind: 'omitted', locator: o.locator, whole: o.whole } };
}

/**
 * Consecutive whole paragraphs that no passage quotes, as one collapsible group each: the
 * section numerals between them go with them.
 */
export function omissionGroups(doc: DocumentText, report: Report): OmissionGroup[] {
  const order = new Map(doc.paragraphs.filter((p) => !p.title).map((p, i) => [p.start, i]));
  const groups: Array<OmissionGroup & { last: number; lastLocator: string; firstLocator: string }> = [];
  for (const o of wholeOmissions(report).sort((a, b) => a.start - b.start)) {
    const index = order.get(o.start) ?? -2;
    const group = groups[groups.length - 1];
    if (group && index === group.last + 1) {
      group.end = o.end;
      group.last = index;
      group.lastLocator = o.locator;
      group.paragraphs += 1;
    } else {
      groups.push({ id: '', start: o.start, end: o.end, label: '', paragraphs: 1, last: index, firstLocator: o.locator, lastLocator: o.locator });
    }
  }
  return groups.map((g) => ({
    id: `omitted-${g.start}`,
    start: g.start,
    end: g.end,
    label: g.paragraphs === 1 ? g.firstLocator : `${g.firstLocator}–${g.lastLocator}`,
    paragraphs: g.paragraphs,
  }));
}

/**
 * The column cut into blocks at the paragraph starts that no passage (nor any other item of
 * the tier under it) crosses, so that no element is split by them and the text flows as it
 * would without them; each block ends with the white space before the next paragraph. The
 * blocks let the browser leave the text out of sight unlaid-out (content-visibility), which a
 * column as one inline flow does not: the first paint waits for less. A block that holds a
 * run of omitted paragraphs is not deferred itself, since the run already is.
 */
export function blockItems(doc: DocumentText, top: Items): Items {
  const end = doc.text.length;
  const crossed = (at: number) => top.some((item) => item.start < at && at < item.end);
  const cuts = [...new Set([0, ...doc.paragraphs.map((p) => p.start), end])]
    .filter((at) => at === 0 || at === end || (at > 0 && at < end && !crossed(at)))
    .sort((a, b) => a - b);
  const blocks: Items = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const holdsGroup = top.some((item) => item.data.kind === 'omission-group' && item.start >= from && item.end <= to);
    blocks.push({ start: from, end: to, data: { kind: 'block', deferred: !holdsGroup } });
  }
  return blocks;
}

/** Tiers both columns share, under the passages: layout, then locators, then the document's own italics. */
function sharedTiers(doc: DocumentText): Items[] {
  return [structureItems(doc), locatorItems(doc), styleItems(doc)];
}

/**
 * Paragraph breaks and the lines between paragraphs (section numerals), found from the
 * store's paragraphs; the title line is a heading too.
 */
export function structureItems(doc: DocumentText): Items {
  const items: Items = [];
  const between = (from: number, to: number) => {
    const slice = doc.text.slice(from, to);
    for (const m of slice.matchAll(/\s*[\n\r]\s*/g)) {
      items.push({ start: from + m.index, end: from + m.index + m[0].length, data: { kind: 'gap' } });
    }
    for (const m of slice.matchAll(/\S(?:[^\n\r]*\S)?/g)) {
      items.push({ start: from + m.index, end: from + m.index + m[0].length, data: { kind: 'heading', title: false } });
    }
  };
  let previous = 0;
  for (const p of [...doc.paragraphs].sort((a, b) => a.start - b.start)) {
    between(previous, p.start);
    if (p.title) items.push({ start: p.start, end: p.end, data: { kind: 'heading', title: true } });
    previous = Math.max(previous, p.end);
  }
  between(previous, doc.text.length);
  return items;
}

function locatorItems(doc: DocumentText): Items {
  return doc.paragraphs
    .filter((p) => !p.title)
    .map((p) => ({
      start: p.start,
      end: p.start,
      data: { kind: 'locator', locator: p.locator, verification: p.verification, note: p.verificationNote },
    }));
}

function styleItems(doc: DocumentText): Items {
  return doc.emphasis.map((e) => ({ start: e.start, end: e.end, data: { kind: 'style', style: e.kind } }));
}
