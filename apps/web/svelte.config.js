import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // build/handler.js is what apps/server mounts beside the API, on the same port.
    adapter: adapter({ out: 'build' }),
    // Each page's CSS in a <style> in its head (17 KB, 38 KB for a comparison): the first paint
    // waits for no request but the page's own. As files, the three stylesheets were fetched
    // beside the two dozen scripts and the fonts, from the same server, and the page was not
    // painted until the last of them came (bench web). Moving between pages in the browser
    // still loads the next page's styles as files.
    inlineStyleThreshold: Infinity,
    // Documents are rendered as text, never as HTML; the policy is a second line of defence
    // should that ever slip: no inline script runs without SvelteKit's own nonce.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
