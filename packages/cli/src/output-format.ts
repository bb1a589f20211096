import { usageError } from './cli-error.js';

export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--format text|json`, the output format every command that prints data takes (SPEC §3). */
export function parseOutputFormat(value: string | undefined): OutputFormat {
  const format = OUTPUT_FORMATS.find((f) => f === value);
  if (!format) throw usageError(`unknown format ${JSON.stringify(value)}; use --format text or --format json.`);
  return format;
}

/** JSON for scripts: indented, so it also reads well and diffs line by line. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
