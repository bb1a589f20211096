import type { Store } from './store.js';

/**
 * The store with the failures `translate` knows — a lock waited for in vain, a database that
 * does not answer — turned into the StoreError that says so, whatever method met them: in its
 * promise, or while its records are read (`exportCorpus`). What `translate` does not know is
 * thrown as it was.
 */
export function sayingFailures(store: Store, translate: (error: unknown) => Error | undefined): Store {
  const said = (error: unknown): never => {
    throw translate(error) ?? error;
  };
  const wrapped = {} as Store;
  for (const [name, property] of Object.entries(Object.getOwnPropertyDescriptors(store))) {
    const method = property.value as unknown;
    if (typeof method === 'function') {
      property.value = (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (method as (...a: unknown[]) => unknown).apply(store, args);
        } catch (error) {
          said(error);
        }
        if (result instanceof Promise) return result.catch(said);
        if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
          return (async function* () {
            try {
              yield* result as AsyncIterable<unknown>;
            } catch (error) {
              said(error);
            }
          })();
        }
        return result;
      };
    }
    Object.defineProperty(wrapped, name, property);
  }
  return wrapped;
}
