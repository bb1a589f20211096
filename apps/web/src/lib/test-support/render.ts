/**
 * Writes a tree of segments as tagged text, so that a failing test reads like the page:
 * `The <ins>two</ins> sides`.
 */
import type { Node } from '../text/nest';

export function render<T>(nodes: ReadonlyArray<Node<T>>, tag: (data: T) => string | { open: string; close: string } | null): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.text;
      continue;
    }
    const t = tag(node.data);
    const inner = render(node.children, tag);
    if (t === null) out += inner;
    else if (typeof t === 'string') out += `<${t}>${inner}</${t}>`;
    else out += `${t.open}${inner}${t.close}`;
  }
  return out;
}
