/**
 * Splits a text into a tree of segments at the boundaries of annotated spans, so that a page
 * can render highlighted text as text: every character of the input lands in exactly one text
 * node, in order, and nothing else does (`textOf(nest(text, tiers)) === text`).
 *
 * Annotations come in tiers, outermost first. Within a tier spans should not overlap; when they
 * do, the later one is cut to start where the earlier one ends (the overlapping part stays
 * with the first), because a tree cannot hold crossing elements. A span of a deeper tier that
 * crosses an element of a higher tier is split in two, one piece on each side. An item may
 * bring tiers of its own that apply only inside it (a passage's word differences), ahead of
 * the deeper shared tiers. Zero-width items (`start === end`) are points: elements with no
 * children, placed once, in the first container that reaches their position.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Item<T> extends Range {
  data: T;
  /** Tiers that apply only inside this item, before the remaining shared tiers. */
  tiers?: ReadonlyArray<ReadonlyArray<Item<T>>>;
}

export interface TextNode {
  type: 'text';
  start: number;
  end: number;
  text: string;
}

export interface ElementNode<T> {
  type: 'element';
  start: number;
  end: number;
  data: T;
  children: Node<T>[];
}

export type Node<T> = TextNode | ElementNode<T>;

export type Tiers<T> = ReadonlyArray<ReadonlyArray<Item<T>>>;

export function nest<T>(text: string, tiers: Tiers<T>, range: Range = { start: 0, end: text.length }): Node<T>[] {
  if (range.start < 0 || range.end > text.length || range.start > range.end) {
    throw new RangeError(`The range ${range.start}–${range.end} is outside a text of length ${text.length}.`);
  }
  // Points are placed once even when two containers meet at their position.
  const placed = new Set<Item<T>>();

  /**
   * A point belongs to what follows it (a paragraph's locator goes before its first word, not
   * after the blank line that ends the paragraph before). Points of an item's own tiers are
   * the exception: they stay inside the item, even at its very end (a word left out after
   * the last word of a passage).
   */
  const reaches = (level: Level<T>, pos: number, start: number, end: number) =>
    pos >= start && (pos < end || (pos === end && (level.own || end === range.end)));

  function build(start: number, end: number, levels: ReadonlyArray<Level<T>>): Node<T>[] {
    if (levels.length === 0) return start < end ? [{ type: 'text', start, end, text: text.slice(start, end) }] : [];
    const [level, ...rest] = levels as [Level<T>, ...Level<T>[]];
    const inside = level.items
      .filter((item) =>
        item.start === item.end
          ? !placed.has(item) && reaches(level, item.start, start, end)
          : item.start < end && item.end > start,
      )
      // By position; at the same position a point comes before a span.
      .sort((a, b) => a.start - b.start || a.end - b.end);

    const nodes: Node<T>[] = [];
    let cursor = start;
    for (const item of inside) {
      if (item.start === item.end) {
        if (item.start < cursor) continue; // inside a span of its own tier: the overlap loses
        nodes.push(...build(cursor, item.start, rest));
        nodes.push({ type: 'element', start: item.start, end: item.end, data: item.data, children: [] });
        placed.add(item);
        cursor = item.start;
        continue;
      }
      const from = Math.max(item.start, start, cursor);
      const to = Math.min(item.end, end);
      if (from >= to) continue;
      nodes.push(...build(cursor, from, rest));
      const inner = item.tiers ? [...item.tiers.map((items) => ({ items, own: true })), ...rest] : rest;
      nodes.push({ type: 'element', start: from, end: to, data: item.data, children: build(from, to, inner) });
      cursor = to;
    }
    nodes.push(...build(cursor, end, rest));
    return nodes;
  }

  return build(
    range.start,
    range.end,
    tiers.map((items) => ({ items, own: false })),
  );
}

interface Level<T> {
  items: ReadonlyArray<Item<T>>;
  /** The tier came with an item (its `tiers`), rather than from the caller. */
  own: boolean;
}

/** The text a tree holds: the input slice it was built from. */
export function textOf<T>(nodes: ReadonlyArray<Node<T>>): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.text : textOf(node.children);
  return out;
}

/** Every element of a tree, depth first, in document order. */
export function* elements<T>(nodes: ReadonlyArray<Node<T>>): Generator<ElementNode<T>> {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    yield node;
    yield* elements(node.children);
  }
}
