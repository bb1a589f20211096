/** The overview bar: the whole source as one strip, with its quoted and omitted stretches. */
import { STATUS_LABEL } from '../labels';
import type { Band, DocumentText, OmissionGroup, PassageView, Report, Tick } from './model';

export function overviewBands(doc: DocumentText, passages: PassageView[], groups: OmissionGroup[], report: Report): Band[] {
  const length = Math.max(doc.text.length, 1);
  const part = (start: number, end: number) => ({ from: start / length, to: end / length });
  const quoted = passages.flatMap((p): Band[] =>
    p.source
      ? [
          {
            ...part(p.source.start, p.source.end),
            kind: 'passage',
            status: p.status,
            passageId: p.id,
            targetId: null,
            label: `Passage ${p.n}, ${STATUS_LABEL[p.status]}, ${p.locator ?? ''}`.trim(),
          },
        ]
      : [],
  );
  const omitted = [
    ...groups.map((g): Band => ({
      ...part(g.start, g.end),
      kind: 'omitted',
      status: null,
      passageId: null,
      targetId: g.id,
      label: `${g.label} not quoted (${g.paragraphs === 1 ? 'one paragraph' : `${g.paragraphs} paragraphs`})`,
    })),
    ...report.omissions
      .filter((o) => !o.whole)
      .map((o): Band => ({
        ...part(o.start, o.end),
        kind: 'omitted',
        status: null,
        passageId: null,
        targetId: `omitted-${o.start}`,
        label: `Part of ${o.locator} not quoted`,
      })),
  ];
  // Omitted bands first so that passages are drawn over them where they meet.
  return [...omitted.sort((a, b) => a.from - b.from), ...quoted.sort((a, b) => a.from - b.from)];
}

/** Where each numbered section begins (I, II, …), for a scale under the bar; nothing for a text without sections. */
export function sectionTicks(doc: DocumentText): Tick[] {
  const length = Math.max(doc.text.length, 1);
  const ticks: Tick[] = [];
  let section: string | null = null;
  for (const p of doc.paragraphs) {
    if (p.title || p.section === null || p.section === section) continue;
    section = p.section;
    // The preamble begins where the bar does: it needs no mark of its own.
    if (p.section !== '0') ticks.push({ at: p.start / length, label: p.section });
  }
  return ticks;
}
