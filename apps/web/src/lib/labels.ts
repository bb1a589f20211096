/**
 * Words the interface uses for the report's codes, in one place so that the comparison, the
 * library and the document page name things the same way.
 */
import type { AlignmentReport, VerificationStatus } from '@verbatim/api';

type Passage = AlignmentReport['passages'][number];
export type PassageStatus = Passage['status'];
export type PassageKind = Passage['kind'];
export type DifferenceCategory = Passage['differences'][number]['category'];
export type QuotationMarks = NonNullable<Passage['quotationMarks']>;

export const STATUSES: readonly PassageStatus[] = ['verbatim', 'variant', 'altered', 'paraphrased', 'not_found'];
export const KINDS: readonly PassageKind[] = ['quotation', 'borrowing'];

export const STATUS_LABEL: Record<PassageStatus, string> = {
  verbatim: 'verbatim',
  variant: 'variant',
  altered: 'altered',
  paraphrased: 'paraphrased',
  not_found: 'not found',
};

export const STATUS_DESCRIPTION: Record<PassageStatus, string> = {
  verbatim: 'the same words in the same order',
  variant: 'differs only by spelling variants or letter case',
  altered: 'words inserted, left out or changed',
  paraphrased: 'the same passage in other words, as in another translation',
  not_found: 'not in the source',
};

export const KIND_LABEL: Record<PassageKind, string> = {
  quotation: 'quotation',
  borrowing: 'borrowing',
};

export const KIND_DESCRIPTION: Record<PassageKind, string> = {
  quotation: 'inside quotation marks',
  borrowing: 'source words without quotation marks',
};

export const CATEGORY_LABEL: Record<DifferenceCategory, string> = {
  typography: 'typography',
  case: 'letter case',
  spelling: 'spelling variant',
  inflection: 'inflection',
  wording: 'wording',
  omission: 'omission',
};

export const QUOTATION_MARKS_LABEL: Record<QuotationMarks, string> = {
  paired: 'in quotation marks',
  'opening-missing': 'opening quotation mark missing',
  'closing-missing': 'closing quotation mark missing',
  block: 'block quotation',
};

export const VERIFICATION_LABEL: Record<VerificationStatus, string> = {
  confirmed: 'confirmed',
  'confirmed-in-part': 'confirmed in part',
  corrected: 'corrected',
  unchecked: 'unchecked',
};

/** Citation formats the API serves, as a user would name them. */
export const CITATION_FORMATS = [
  { value: 'text', label: 'Plain text' },
  { value: 'bibtex', label: 'BibTeX' },
  { value: 'csl-json', label: 'CSL-JSON' },
  { value: 'ris', label: 'RIS' },
  { value: 'annotation', label: 'W3C Web Annotation' },
] as const;

export type CitationFormat = (typeof CITATION_FORMATS)[number]['value'];

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(share: number): string {
  const value = share * 100;
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)}%`;
}

/**
 * How much a difference weighs, as an editor would mark it: a change of wording or words left
 * out is substantive and marked strongly; a changed inflection ("Russia" for "Russian") is a
 * change of words too, marked plainly; typography, letter case and spelling variants change
 * nothing a reader would cite differently and are marked faintly. Differences an ellipsis or
 * bracket accounts for are editorial, in a style of their own.
 */
export type DifferenceWeight = 'substantive' | 'minor' | 'faint' | 'editorial';

export const CATEGORY_WEIGHT: Record<DifferenceCategory, Exclude<DifferenceWeight, 'editorial'>> = {
  wording: 'substantive',
  omission: 'substantive',
  inflection: 'minor',
  spelling: 'faint',
  case: 'faint',
  typography: 'faint',
};

/** What an emphasis marker says: the commentator's emphasis ("added", or "mine", "ours"), or the source's own. */
export type EmphasisKind = 'added' | 'mine' | 'original';

export const EMPHASIS_LABEL: Record<EmphasisKind, string> = {
  added: 'emphasis added',
  mine: 'emphasis mine',
  original: 'emphasis in original',
};

export const EMPHASIS_DESCRIPTION: Record<EmphasisKind, string> = {
  added: 'the commentary says it set these words in italics; the source did not',
  mine: 'the commentator says the emphasis is their own; the source did not set these words in italics',
  original: 'the commentary says the italics are the source’s own',
};

/** Places named as a reader says them: "0.3, III.5 or III.21". */
export function eitherOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
