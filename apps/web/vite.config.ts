import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // Imported at run time, not bundled: apps/server hands the pages its own store, and its
    // StoreError must be the class the pages test errors against (one copy of the module).
    external: ['@verbatim/store'],
  },
  server: {
    // `vite dev` serves the pages only; the citations come from a running server (npm start).
    proxy: { '/api': process.env.VERBATIM_API ?? 'http://localhost:3000' },
  },
});
