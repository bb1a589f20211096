import type { FoundPassage, NotFoundPassage, Passage, PassageStatus } from '@verbatim/core';
import type { TextRange } from './quoted-stretches.js';

/** What one candidate source says of the checked text: its alignment's passages. */
export interface Answer<S> {
  source: S;
  passages: readonly Passage[];
  /** The quotations (indices into the stretches) this source was a candidate for. */
  quotations: ReadonlySet<number>;
}

export type Chosen<S> =
  | {
      passage: FoundPassage;
      source: S;
      /** The same words found as well in other sources (same verdict and similarity): the evidence cannot choose. */
      equally: Array<{ passage: FoundPassage; source: S }>;
    }
  | { passage: NotFoundPassage; source: null };

/** The better verdict first: a faithful quotation is a better answer than a changed one. */
const STATUS_RANK: Record<PassageStatus, number> = { verbatim: 0, variant: 1, altered: 2, paraphrased: 3, not_found: 4 };

interface Found<S> {
  passage: FoundPassage;
  source: S;
  /** Position of its source among the candidates: ties go to the earlier one. */
  rank: number;
}

/**
 * The best answer for each quotation of the text among the candidate sources' alignments.
 * A quotation's answer comes from one source, the one whose passages account for most of
 * it, then with the better verdict and similarity; so a quotation from the statement and
 * another from a later communiqué each get their own source. A quotation every candidate
 * source calls not found (or none is a candidate) is answered by its not-found passage (from `unanswered`, made without any source, so that
 * its id does not depend on which sources happened to be candidates). Passages outside
 * quotation marks (borrowings) are taken longest and best first, never overlapping
 * another answer. In text order.
 */
export function choosePassages<S>(
  stretches: ReadonlyArray<{ extent: TextRange }>,
  answers: ReadonlyArray<Answer<S>>,
  unanswered: readonly Passage[],
): Array<Chosen<S>> {
  const perStretch = stretches.map(() => new Map<number, Array<Found<S>>>());
  const free: Array<Found<S>> = [];
  answers.forEach((answer, rank) => {
    for (const passage of answer.passages) {
      if (passage.status === 'not_found') continue;
      const found = { passage, source: answer.source, rank };
      const i = stretches.findIndex((s) => within(passage.commentary, s.extent));
      if (i < 0) {
        free.push(found);
        continue;
      }
      const bySource = perStretch[i]!;
      const list = bySource.get(rank);
      if (list) list.push(found);
      else bySource.set(rank, [found]);
    }
  });

  const out: Array<Chosen<S>> = [];
  // Every found passage, by the words of the text it covers: where to look for equal answers.
  const bySpan = new Map<string, Array<Found<S>>>();
  for (const found of [...perStretch.flatMap((m) => [...m.values()].flat()), ...free]) {
    const key = spanKey(found.passage);
    const list = bySpan.get(key);
    if (list) list.push(found);
    else bySpan.set(key, [found]);
  }
  const withEquals = (found: Found<S>): Chosen<S> => ({
    passage: found.passage,
    source: found.source,
    equally: (bySpan.get(spanKey(found.passage)) ?? [])
      .filter((other) => other.rank !== found.rank && fitsEqually(other.passage, found.passage))
      .map(({ passage, source }) => ({ passage, source })),
  });
  stretches.forEach((stretch, i) => {
    const sets = [...perStretch[i]!.values()];
    if (sets.length > 0) {
      out.push(...sets.sort(compareSets)[0]!.map(withEquals));
      return;
    }
    // A source found for the quotation whose alignment says nothing of it — neither found nor
    // not found — has its words as a name or a title ("the UN 2030 Agenda for Sustainable
    // Development"), or too few to place ("without limits" beside "no limits"): "not found"
    // would call made up what that source does say. A source found for other quotations of
    // the text says nothing of this one by its silence.
    const silent = (answer: Answer<S>) => answer.quotations.has(i) && !answer.passages.some((p) => within(p.commentary, stretch.extent));
    if (answers.some(silent)) return;
    for (const passage of unanswered) {
      if (passage.status === 'not_found' && within(passage.commentary, stretch.extent)) out.push({ passage, source: null });
    }
  });

  free.sort(
    (a, b) =>
      length(b.passage) - length(a.passage) ||
      STATUS_RANK[a.passage.status] - STATUS_RANK[b.passage.status] ||
      b.passage.similarity - a.passage.similarity ||
      a.rank - b.rank,
  );
  for (const candidate of free) {
    if (!out.some((o) => overlaps(o.passage.commentary, candidate.passage.commentary))) out.push(withEquals(candidate));
  }
  return out.sort((a, b) => a.passage.commentary.start - b.passage.commentary.start);
}

/** One source's passages within a quotation against another's: most of it accounted for, then the better verdicts. */
function compareSets<S>(a: ReadonlyArray<Found<S>>, b: ReadonlyArray<Found<S>>): number {
  return (
    covered(b) - covered(a) ||
    worst(a) - worst(b) ||
    meanSimilarity(b) - meanSimilarity(a) ||
    a[0]!.rank - b[0]!.rank
  );
}

const spanKey = (p: Passage) => `${p.commentary.start}:${p.commentary.end}`;

/** Two sources' answers for the same words of the text that no verdict or score tells apart. */
function fitsEqually(a: FoundPassage, b: FoundPassage): boolean {
  return a.status === b.status && a.similarity === b.similarity && a.kind === b.kind && a.differences.length === b.differences.length;
}

const length = (p: Passage) => p.commentary.end - p.commentary.start;
const covered = <S>(set: ReadonlyArray<Found<S>>) => set.reduce((sum, f) => sum + length(f.passage), 0);
const worst = <S>(set: ReadonlyArray<Found<S>>) => Math.max(...set.map((f) => STATUS_RANK[f.passage.status]));

function meanSimilarity<S>(set: ReadonlyArray<Found<S>>): number {
  const total = covered(set);
  return total === 0 ? 0 : set.reduce((sum, f) => sum + f.passage.similarity * length(f.passage), 0) / total;
}

function within(inner: TextRange, outer: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}
