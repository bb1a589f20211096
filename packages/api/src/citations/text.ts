import type { StoredDocument } from '@verbatim/store';
import { closingQuote, issuerOf, longDate, type CitedPassage } from './cited-passage.js';
import { tieSentence } from './ties.js';

/** What a note needs of a cited passage: a stored alignment's, or a checked quotation's. */
export interface NoteInput {
  source: Pick<StoredDocument, 'issuer' | 'author' | 'title' | 'date' | 'url'>;
  place: CitedPassage['place'];
  words: CitedPassage['words'];
  unchecked: ReadonlyArray<{ locator: string }>;
  /** Every place the passage fits equally, the first being `place`; empty when it fits one. */
  tiedPlaces: readonly string[];
  /** How many sources those places lie in (a checked quotation may fit two sources equally). */
  tiedSources?: number;
}

/**
 * A Chicago-style note (17th ed., 14.227 on public documents by a corporate author):
 * issuer, “title,” date, locator, URL, then the quoted words. Double quotation marks inside
 * a quoted title or passage become single ones, as Chicago nests them.
 *
 *   The Russian Federation and the People's Republic of China, “Joint Statement …,”
 *   February 4, 2022, sec. IV, para. 5, http://en.kremlin.ru/supplement/5770: “…”
 *
 * A passage that fits several places equally says so after the words, naming them all.
 */
export function chicagoNote(cited: NoteInput): string {
  const { source } = cited;
  const issuer = issuerOf(source);
  const where = [longDate(source.date) ?? 'n.d.', cited.place, source.url].filter(Boolean).join(', ');
  let note = `${issuer ? `${issuer}, ` : ''}“${nest(source.title)},” ${where}: “${closingQuote(nest(cited.words))}”`;
  if (cited.unchecked.length > 0) {
    const which = cited.unchecked.map((p) => p.locator).join(', ');
    note += ` The cited text (${which}) was not independently verified against the official text; compare it with the official version before relying on it.`;
  }
  if (cited.tiedPlaces.length > 1) note += ` ${tieSentence(cited.tiedPlaces, cited.tiedSources)}`;
  return note;
}

/** Double quotation marks inside a quotation become single ones. */
function nest(text: string): string {
  let open = true;
  return text
    .replace(/[“”"]/g, (mark) => {
      if (mark === '“') return '‘';
      if (mark === '”') return '’';
      const out = open ? '‘' : '’';
      open = !open;
      return out;
    });
}
