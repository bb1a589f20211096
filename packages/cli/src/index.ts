export { main, type MainIO } from './main.js';
export type { Command, CommandContext, Output } from './command.js';
export { CliError, ExitCode, inputError, usageError } from './cli-error.js';
export { readDocument, MAX_DOCUMENT_BYTES, type TextDocument, type ReadDocumentOptions } from './read-document.js';
export { formatTextReport, type TextReportOptions } from './format/text-report.js';
