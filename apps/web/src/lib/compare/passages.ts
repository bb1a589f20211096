/** The report's passages as the page lists them: numbered, labelled, their differences named. */
import { CATEGORY_LABEL, CATEGORY_WEIGHT, eitherOf, KIND_LABEL, STATUS_LABEL, type DifferenceCategory, type EmphasisKind } from '../labels';
import type { DiffView, EmphasisView, PassageView, Report, ReportDifference, ReportPassage } from './model';

const QUOTE_LIMIT = 120;

export function passageViews(report: Report): PassageView[] {
  const ordered = [...report.passages].sort((a, b) => a.commentary.start - b.commentary.start);
  return ordered.map((p, i) => passageView(p, i + 1, ordered.length));
}

function passageView(p: ReportPassage, n: number, total: number): PassageView {
  const differences = p.differences.map(diffView);
  const locator = p.source?.locator ?? null;
  const candidates = 'candidates' in p && p.candidates ? p.candidates.map((c) => c.locator) : [];
  const where = candidates.length > 1 ? `${eitherOf(candidates)}, equally` : (locator ?? 'not in the source');
  return {
    id: p.id,
    n,
    kind: p.kind,
    status: p.status,
    quotationMarks: p.quotationMarks,
    locator,
    candidates,
    commentary: span(p.commentary),
    source: p.source ? span(p.source) : null,
    similarity: p.similarity,
    differences,
    categories: countCategories(differences),
    editorialMarks: p.marks.flatMap((m) =>
      m.type === 'ellipsis' || m.type === 'bracket' || m.type === 'sic' ? [{ type: m.type, text: m.commentary.text }] : [],
    ),
    emphasis: p.marks.flatMap((m): EmphasisView[] =>
      m.type === 'emphasis-added' || m.type === 'emphasis-original'
        ? [
            {
              type: m.type,
              kind: emphasisKind(m.type, m.commentary.text),
              marker: m.commentary.text,
              emphasized: 'emphasized' in m && m.emphasized ? m.emphasized.map((s) => s.text) : null,
            },
          ]
        : [],
    ),
    context: { before: p.context.before, after: p.context.after },
    summary: [`Passage ${n} of ${total}`, KIND_LABEL[p.kind], STATUS_LABEL[p.status], where].join(' · '),
  };
}

function span(s: { start: number; end: number; text: string }) {
  return { start: s.start, end: s.end, text: s.text };
}

export function diffView(d: ReportDifference): DiffView {
  return {
    type: d.type,
    category: d.category,
    editorial: d.editorial,
    weight: d.editorial ? 'editorial' : CATEGORY_WEIGHT[d.category],
    source: span(d.source),
    commentary: span(d.commentary),
    label: diffLabel(d),
    tag: d.editorial ? `${CATEGORY_LABEL[d.category]}, marked` : CATEGORY_LABEL[d.category],
  };
}

/**
 * "(emphasis mine)", "emphasis ours" claim the commentator's emphasis as "(Italics added)"
 * does, in the first person: the page repeats the marker's own claim.
 */
export function emphasisKind(type: 'emphasis-added' | 'emphasis-original', marker: string): EmphasisKind {
  if (type === 'emphasis-original') return 'original';
  return /\b(?:mine|ours|my|our)\b/i.test(marker) ? 'mine' : 'added';
}

/** "Inflection: “Russia” in the source, “Russian” in the commentary". */
export function diffLabel(d: ReportDifference): string {
  const name = CATEGORY_LABEL[d.category];
  const head = name.charAt(0).toUpperCase() + name.slice(1);
  const source = quote(d.source.text);
  const commentary = quote(d.commentary.text);
  const body =
    d.type === 'insert'
      ? `${commentary} added by the commentary`
      : d.type === 'delete'
        ? `${source} left out by the commentary`
        : `${source} in the source, ${commentary} in the commentary`;
  return `${head}: ${body}${d.editorial ? ' (accounted for by an editorial mark)' : ''}`;
}

export function quote(text: string, limit = QUOTE_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat}”`;
}

function countCategories(diffs: DiffView[]): PassageView['categories'] {
  const counts = new Map<DifferenceCategory, number>();
  for (const d of diffs) if (!d.editorial) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
  const order: DifferenceCategory[] = ['wording', 'omission', 'inflection', 'spelling', 'case', 'typography'];
  return order.flatMap((category) => {
    const count = counts.get(category);
    return count ? [{ category, count }] : [];
  });
}
