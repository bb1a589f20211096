// See https://svelte.dev/docs/kit/types#app.d.ts
import type { IncomingMessage } from 'node:http';
import type { Store } from '@verbatim/store';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    /** adapter-node's: the Node request, which carries the host's store (see server.js). */
    interface Platform {
      req?: IncomingMessage;
    }
  }
  /**
   * The store apps/server opened, shared with the pages so that one process holds one
   * connection to the database; absent when the app runs on its own (vite dev, preview).
   */
  var __verbatimStore: Store | undefined;
}

export {};
