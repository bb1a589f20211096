import type { Span } from '@verbatim/core';
import type { StoredDocument } from '@verbatim/store';
import type { CitedPassage } from './cited-passage.js';
import { codePointOffset, codePointsAfter, codePointsBefore } from './code-points.js';
import { tieSentence } from './ties.js';

/** As much context as Hypothesis keeps around a quote: enough to be unique in most texts. */
const CONTEXT_CODE_POINTS = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Unicode code points from the start of the text, as the W3C model counts them. */
  start: number;
  end: number;
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'describing';
  created: string;
  generator: { type: 'Software'; name: string };
  body: Array<Record<string, unknown>>;
  target: {
    type: 'SpecificResource';
    source: string;
    /** SHA-256 of the exact text the selectors were made against. */
    sha256: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

/**
 * The passage as a W3C Web Annotation (JSON-LD): its target is the source passage, located
 * by a quote with context and by code-point positions in the source text whose SHA-256 it
 * names; its body says how the commentary uses it and points at the commentary's words.
 * `id` is the annotation's own IRI (where it can be fetched again).
 */
export function webAnnotation(cited: CitedPassage, id: string): WebAnnotation {
  const { passage, source, commentary } = cited;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    // The W3C vocabulary has no motivation for "is quoted by"; `describing` is the closest
    // that validators of the model recognize (its `quoting` means quoting from the target).
    motivation: 'describing',
    created: cited.created,
    generator: { type: 'Software', name: 'Verbatim' },
    body: [
      {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        language: 'en',
        value: useOf(cited),
      },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: resourceIri(commentary),
        selector: selectors(commentary.text, passage.commentary),
      },
    ],
    target: {
      type: 'SpecificResource',
      source: resourceIri(source),
      sha256: source.sha256,
      selector: selectors(source.text, passage.source),
    },
  };
}

/** A document's URL, or, for one without, a URN naming its exact text. */
function resourceIri(doc: StoredDocument): string {
  return doc.url ?? `urn:sha256:${doc.sha256}`;
}

const STATUS: Record<CitedPassage['passage']['status'], string> = {
  verbatim: 'word for word',
  variant: 'with spelling or letter-case variants',
  altered: 'with changes to the wording',
  paraphrased: 'in other words (another wording of the same passage)',
};

function useOf(cited: CitedPassage): string {
  const { passage, commentary } = cited;
  const how = passage.kind === 'quotation' ? 'Quoted' : 'Reused without quotation marks';
  const changes = passage.differences.filter((d) => !d.editorial && d.category !== 'typography').length;
  const detail = passage.status === 'altered' ? ` (${changes} ${changes === 1 ? 'difference' : 'differences'})` : '';
  const use = `${how} ${STATUS[passage.status]}${detail} in “${commentary.title}”: “${passage.commentary.text.replace(/\s+/g, ' ').trim()}”`;
  // The target can select one place; the others are named here so that nobody takes it for the only one.
  return cited.tiedPlaces.length > 1 ? `${use}. ${tieSentence(cited.tiedPlaces)}` : use;
}

/** Both selectors of a span of `text`, positions converted to code points. */
export function selectors(text: string, span: Pick<Span, 'start' | 'end'>): [TextQuoteSelector, TextPositionSelector] {
  return [quoteSelector(text, span), { type: 'TextPositionSelector', start: codePointOffset(text, span.start), end: codePointOffset(text, span.end) }];
}

/**
 * A quote selector whose prefix and suffix make it unique in the text, so that it re-anchors
 * at this place and no other: the context grows until prefix + exact + suffix occurs once
 * (or reaches both ends of the text).
 */
function quoteSelector(text: string, { start, end }: Pick<Span, 'start' | 'end'>): TextQuoteSelector {
  const exact = text.slice(start, end);
  for (let size = CONTEXT_CODE_POINTS; ; size *= 2) {
    const prefix = codePointsBefore(text, start, size);
    const suffix = codePointsAfter(text, end, size);
    const whole = prefix + exact + suffix;
    const at = text.indexOf(whole);
    const unique = at === start - prefix.length && text.indexOf(whole, at + 1) === -1;
    if (unique || (prefix.length === start && suffix.length === text.length - end)) {
      return { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
  }
}
