import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The store's writer thread runs from dist/ (a worker cannot load TypeScript): build it first.
    globalSetup: ['./src/test-support/build.ts'],
  },
});
