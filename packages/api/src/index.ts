export { createApp, type AppOptions } from './app.js';
export { openApp, type OpenApp, type OpenAppOptions } from './open.js';
export { DEFAULT_BODY_LIMIT } from './http/body-limit.js';
export { drainBody } from './http/drain-body.js';
export { ProblemError, type Problem } from './problem.js';
// What the API answers, for typed clients (the web app's pages).
export type {
  AlignmentReport,
  AlignmentSummary,
  DocumentFormat,
  DocumentKind,
  DocumentSummary,
  EmphasisSpan,
  Passage,
  SearchHit,
  SearchResult,
  StoredDocument,
  StoredParagraph,
  VerificationStatus,
} from '@verbatim/store';
export type { Link } from './schemas/alignments.js';
export type { PagePreview } from './schemas/documents.js';
export type { DocumentPassages, LinkedPassage } from './routes/document-passages.js';
export type { Health } from './routes/health.js';
