import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property tests (fast-check) run thousands of alignments each: a few seconds on a
    // quiet machine, more than Vitest's 5 s default on a loaded two-core one, with nothing wrong.
    testTimeout: 30_000,
  },
});
