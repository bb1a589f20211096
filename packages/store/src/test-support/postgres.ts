import { createDatabase } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import { inject } from 'vitest';

/**
 * A new, empty PostgreSQL database on the server this test run started (see vitest.config.ts),
 * its URL: each test takes its own, so tests never see each other's rows.
 */
export function freshDatabaseUrl(): Promise<string> {
  return createDatabase(inject('postgresUrl'), 'store');
}
