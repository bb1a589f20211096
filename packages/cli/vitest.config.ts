import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Most tests here run the real `verbatim` in a child process, often several in a row
    // (add, then list, then show). Each start costs a Node process; on a loaded two-core
    // machine a run of them passes Vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
