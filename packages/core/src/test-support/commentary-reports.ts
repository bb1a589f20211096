import { expect } from 'vitest';
import { align } from '../align.js';
import type { AlignmentReport, Passage } from '../types.js';
import { commentary } from './commentaries.js';
import { statement } from './corpus.js';
import { wordnet } from './lexicon.js';

/**
 * The reports of our test commentaries against the statement, each aligned once per file
 * (with the lexicon), and the passage a test names by the words it starts with.
 */
export function commentaryReports() {
  const reports = new Map<string, { text: string; report: AlignmentReport }>();
  const of = (name: string) => {
    let r = reports.get(name);
    if (!r) {
      const text = commentary(name);
      reports.set(name, (r = { text, report: align(statement, text, { lexicon: wordnet }) }));
    }
    return r;
  };
  const quoting = (name: string, words: string): Passage => {
    const found = of(name).report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ').startsWith(words));
    expect(found, `one passage starting "${words}"`).toHaveLength(1);
    return found[0]!;
  };
  return { of, quoting };
}
