/**
 * Run before each end-to-end test file (vitest.config.ts): after the file, whatever happened
 * in it — a browser that would not launch, a hook that timed out, a failed assertion —, every
 * browser it launched is closed and every server it started is stopped.
 */
import { afterAll } from 'vitest';
import { closeAllBrowsers } from './browser';
import { stopAllWorkbenches } from './workbench';

afterAll(async () => {
  await closeAllBrowsers();
  await stopAllWorkbenches();
});
