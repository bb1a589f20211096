import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The store's writer thread runs from dist/ (a worker cannot load TypeScript): build it
    // first. Then one PostgreSQL for the run, for the tests of the PostgreSQL store.
    globalSetup: ['./src/test-support/build.ts', './src/test-support/postgres-setup.ts'],
    // Adds go through the writer thread and SQLite's fsync; a test that adds a dozen documents
    // passes Vitest's 5 s default on a loaded two-core machine without anything being wrong.
    testTimeout: 30_000,
  },
});
