import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // dist/ first (child processes of the tests import it), then the package's own setup from
    // source: one PostgreSQL for the run (see src/global-setup.ts).
    globalSetup: ['./src/test-support/build.ts', './src/global-setup.ts'],
    // initdb and a server start on a loaded two-core machine take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
