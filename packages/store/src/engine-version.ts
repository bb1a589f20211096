import { ENGINE_VERSION } from '@verbatim/core';

/**
 * The engine that computed an alignment, stored beside it so that reports from an older
 * engine can be told apart (and recomputed with `realign`). It is core's ENGINE_VERSION,
 * which core bumps whenever its reports change (not its package version, which never moved).
 */
export function engineVersion(): string {
  return `@verbatim/core@${ENGINE_VERSION}`;
}
