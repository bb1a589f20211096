import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that unit tests of the pure view-model functions do not
// start SvelteKit, and so that the end-to-end tests run one file at a time against the build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/e2e/**'],
          // Some view-model tests align the seed pair in their hooks: well under a second on a
          // quiet machine, longer than Vitest's 5 s and 10 s defaults while CI runs every
          // package's tests at once on two cores, with nothing wrong.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['src/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for a state the page reaches after a request and a render. Its
          // default, one second, is shorter than a busy two-core machine sometimes takes (a
          // smooth scroll, a debounced check, a server answering other tests' browsers); the
          // longer bound costs nothing when the state comes, and a state that never comes
          // still fails the test.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
          // Stops the servers and browsers a file started, however its tests ended.
          setupFiles: ['src/e2e/support/cleanup.ts'],
        },
      },
    ],
  },
});
