import type { AddResult } from '@verbatim/store';
import type { AlignmentView } from '../store/alignment-view.js';
import { formatAlignment } from './alignment-lines.js';
import type { Paint } from './paint.js';

export interface AddResultOptions {
  /** The file name as the user typed it. */
  fileName: string;
  paint: Paint;
  width: number;
}

/**
 * `verbatim add`: what was stored (or that nothing needed to be), under which id and
 * version, then the alignments linking it to the rest of the corpus.
 */
export function formatAddResult(added: AddResult, alignments: readonly AlignmentView[], options: AddResultOptions): string {
  const { paint } = options;
  const other = added.kind === 'source' ? 'commentary' : 'source';
  const lines = [headline(added, options), paint(`Title: ${added.title}`, 'dim')];
  // What an HTML page's metadata may have filled in: shown, so a wrong guess is seen at once.
  const about = [added.author && `by ${added.author}`, added.issuer, added.date, added.url].filter(Boolean).join(' · ');
  if (about) lines.push(paint(about, 'dim'));
  if (alignments.length === 0) {
    lines.push(added.kind === 'source' ? 'No stored commentary quotes it.' : 'It quotes none of the stored sources.');
  } else {
    const count = `${alignments.length} ${alignments.length === 1 ? other : other === 'source' ? 'sources' : 'commentaries'}`;
    lines.push(`${added.outcome === 'existing' ? 'Aligned' : 'Aligned now'} with ${count}:`);
    lines.push(...alignments.map((a) => formatAlignment(a, options)));
  }
  return lines.join('\n') + '\n';
}

function headline(added: AddResult, { fileName, paint }: AddResultOptions): string {
  const id = paint(added.id, 'bold');
  switch (added.outcome) {
    case 'added':
      return `Added ${JSON.stringify(fileName)} as the ${added.kind} ${id}, version ${added.version}.`;
    case 'new-version':
      return `Added ${JSON.stringify(fileName)} as version ${added.version} of the ${added.kind} ${id}; earlier versions are kept.`;
    case 'existing':
      return `${JSON.stringify(fileName)} is already stored as the ${added.kind} ${id}, version ${added.version}: nothing was added.`;
  }
}
