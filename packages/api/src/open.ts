import { openStore } from '@verbatim/store';
import { createApp, type AppOptions } from './app.js';

export interface OpenAppOptions extends Omit<AppOptions, 'store'> {
  /** The SQLite file (created when missing). */
  dbPath: string;
  /** The corpus folder loaded at open, idempotently. */
  corpusDir?: string;
  /** A PostgreSQL URL (`VERBATIM_DATABASE_URL`, read by the caller): the corpus lives there instead. */
  databaseUrl?: string;
}

export interface OpenApp {
  app: ReturnType<typeof createApp>;
  /** Closes the database the app was opened on. */
  close(): Promise<void>;
}

/**
 * The API on a database of its own, for what runs the pages without apps/server: `vite dev`,
 * and the web app's unit tests, which read the seed pair through the API as the pages do.
 * apps/server opens the store itself and calls createApp, because it also serves the store's
 * background work.
 */
export async function openApp({ dbPath, corpusDir, databaseUrl, ...options }: OpenAppOptions): Promise<OpenApp> {
  const store = await openStore({
    path: dbPath,
    ...(corpusDir !== undefined ? { corpusDir } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  return { app: createApp({ ...options, store }), close: () => store.close() };
}
