import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // Imported at run time, not bundled: only an app run on its own (vite dev) opens an API
    // (src/lib/server/host-api.ts), and it needs the store's native SQLite module.
    external: ['@verbatim/api'],
  },
});
