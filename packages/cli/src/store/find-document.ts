import type { Store, StoredDocument } from '@verbatim/store';
import { inputError } from '../cli-error.js';
import { closestName } from '../suggest.js';

/** The latest version of a stored document, or a one-sentence refusal naming a near id. */
export async function findDocument(store: Store, id: string): Promise<StoredDocument> {
  const document = await store.get(id);
  if (document) return document;
  const guess = closestName(id, (await store.list()).map((d) => d.id));
  const hint = guess ? `did you mean "${guess}"? ` : '';
  throw inputError(`no document has the id ${JSON.stringify(id)} (${hint}run "verbatim list" to see the ids).`);
}
