// See https://svelte.dev/docs/kit/types#app.d.ts
import type { IncomingMessage } from 'node:http';
import type { Api } from '$lib/server/api';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** What the error page says above the message, when its status alone does not say it well. */
      heading?: string;
    }
    /** The API the pages read and write through (src/lib/server/api.ts). */
    interface Locals {
      api: Api;
    }
    /** adapter-node's: the Node request, which carries the host's API (see server.js). */
    interface Platform {
      req?: IncomingMessage;
    }
  }
}

export {};
