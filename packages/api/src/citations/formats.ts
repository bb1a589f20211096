/** Every format a passage is cited in: a note, the three bibliographic ones, a Web Annotation. */
export const CITATION_FORMATS = ['text', 'bibtex', 'csl-json', 'ris', 'annotation'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** The media type each is served as, and the extension of its file: one table for a passage's citation and an alignment's file of them. */
export const CITATION_MEDIA: Record<CitationFormat, string> = {
  text: 'text/plain; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
  // The media type the W3C Web Annotation Protocol gives annotations.
  annotation: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
};

export const CITATION_EXTENSION: Record<CitationFormat, string> = { text: 'txt', bibtex: 'bib', ris: 'ris', 'csl-json': 'json', annotation: 'jsonld' };
