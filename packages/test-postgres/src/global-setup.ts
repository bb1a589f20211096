import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the one PostgreSQL this test run started (its `postgres` database). */
    postgresUrl: string;
  }
}

/**
 * A Vitest `globalSetup`: one PostgreSQL for the whole run, its URL given to the tests as
 * `inject('postgresUrl')`, stopped when the run ends. Each test file makes its own database
 * from it with `createDatabase`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
