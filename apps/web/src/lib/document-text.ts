import type { StoredDocument } from '@verbatim/api';
import type { DocumentText } from './compare/model';

/**
 * What a page needs of a stored document to draw its text: paragraphs without their own copy
 * of the text, which would double what the page downloads.
 */
export function toDocumentText(doc: StoredDocument): DocumentText {
  return {
    id: doc.id,
    title: doc.title,
    text: doc.text,
    emphasis: doc.emphasis,
    paragraphs: doc.paragraphs.map((p) => ({
      start: p.start,
      end: p.end,
      locator: p.locator,
      section: p.section,
      title: p.title,
      verification: p.verification,
      verificationNote: p.verificationNote,
    })),
  };
}
