import type { Store, StoredDocument } from '@verbatim/store';
import { inputError } from '../cli-error.js';
import { closestName } from '../suggest.js';

/** The latest version of a stored document, or a one-sentence refusal naming a near id. */
export function findDocument(store: Store, id: string): StoredDocument {
  const document = store.get(id);
  if (document) return document;
  const guess = closestName(id, store.list().map((d) => d.id));
  const hint = guess ? `did you mean "${guess}"? ` : '';
  throw inputError(`no document has the id ${JSON.stringify(id)} (${hint}run "verbatim list" to see the ids).`);
}
