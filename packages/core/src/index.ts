export { ENGINE_VERSION } from './engine-version.js';
export { align } from './align.js';
export { wordnetLexicon } from './lexicon/lexicon.js';
export { splitParagraphs, locatorOf } from './text/paragraphs.js';
export { sha256Hex } from './text/sha256.js';
export { shingles } from './text/shingles.js';
export type * from './types.js';
export { verifyCopy, type VerificationReport, type ParagraphCheck, type ParagraphVerdict } from './verify.js';
export { detectQuotations, type Quotation } from './detect/quotations.js';
