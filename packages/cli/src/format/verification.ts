import type { VerifyResult } from '@verbatim/store';
import { differenceSegments } from './differences.js';
import type { Paint } from './paint.js';
import { padDisplay } from './truncate.js';
import { wrapSegments, wrapText } from './wrap.js';

const VERDICT_WORDS = {
  identical: 'identical',
  typography: 'typography only (quotes, dashes, spaces)',
  differs: 'differs',
  missing: 'missing from the official copy',
} as const;

/**
 * `verbatim verify` for a person: every paragraph that is not identical, with its word
 * differences (official → ours), the paragraphs our copy lacks, a summary, and what
 * `--apply` stored.
 */
export function formatVerification(result: VerifyResult, options: { paint: Paint; width: number; copyName: string }): string {
  const { paint, width } = options;
  const { report, document, applied } = result;
  const out: string[] = [];
  out.push(paint(`Verifying ${document.id} (version ${document.version}) against ${options.copyName}`, 'bold'));
  out.push(wrapText(document.title, width, '  ', '  '));
  out.push('');
  const changed = report.paragraphs.filter((p) => p.verdict !== 'identical');
  for (const p of changed) {
    const style = p.verdict === 'typography' ? 'dim' : 'yellow';
    out.push(`${paint(padDisplay(p.locator, 7), 'bold')} ${paint(VERDICT_WORDS[p.verdict], style)}`);
    for (const d of p.differences.filter((x) => x.category !== 'typography')) {
      out.push(wrapSegments([...differenceSegments(d), { text: ` (${d.category})` }], paint, width, '          ', '        '));
    }
  }
  for (const span of report.missingFromStored) {
    out.push(`${paint('missing'.padEnd(7), 'bold')} ${paint('in our copy, the official copy has:', 'yellow')}`);
    out.push(wrapText(abbreviate(span.text), width, '          ', '        '));
  }
  if (changed.length > 0 || report.missingFromStored.length > 0) out.push('');
  const s = report.summary;
  const total = report.paragraphs.length;
  out.push(
    s.identical === total && s.missingFromStored === 0
      ? paint(`identical: all ${total} paragraphs are the same as the official copy.`, 'green')
      : `${total} paragraphs: ${s.identical} identical, ${s.typography} typography only, ${s.differing} differing, ` +
          `${s.missingFromOfficial} missing from the official copy; ${s.missingFromStored} of the official copy's missing from ours.`,
  );
  if (applied) {
    const stored = applied.outcome === 'existing' ? `The official text is the stored one (version ${applied.version})` : `Stored the official text as version ${applied.version} (the old version is kept)`;
    out.push(`${stored}; ${applied.confirmed} paragraphs marked confirmed against it; commentaries aligned again.`);
  } else if (s.identical !== total || s.missingFromStored > 0) {
    out.push(paint('Nothing was changed; --apply stores the official text as a new version.', 'dim'));
  }
  return `${out.join('\n')}\n`;
}

function abbreviate(text: string): string {
  return text.length > 240 ? `${text.slice(0, 200)} … ${text.slice(-30)}` : text;
}
