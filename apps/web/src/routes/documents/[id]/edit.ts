/** The metadata a document's page corrects; shared by its action and its form. */

/** What PATCH /api/documents/:id takes; never the text (a new text is a new version). */
export const EDITABLE = ['title', 'date', 'author', 'issuer', 'url', 'language', 'licence', 'provenance'] as const;

export type EditValues = Record<(typeof EDITABLE)[number], string>;

export type EditField = (typeof EDITABLE)[number] | 'token';
