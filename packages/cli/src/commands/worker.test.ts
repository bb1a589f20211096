import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

// The worker at work, stopped and killed, is tested with real servers in apps/server
// (team-server.test.ts); here, what it refuses.
describe('verbatim worker', () => {
  it('refuses to run on an SQLite corpus, in one sentence, exit 2', () => {
    const result = runCli(['worker'], { env: { VERBATIM_DATABASE_URL: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'verbatim worker: workers serve a PostgreSQL corpus: set VERBATIM_DATABASE_URL=postgres://… (an SQLite corpus is aligned as each document is added, with no worker).\n',
    );
    expect(result.stdout).toBe('');
  });

  it('refuses a job time limit that is not a number of seconds', () => {
    const result = runCli(['worker'], { env: { VERBATIM_DATABASE_URL: 'postgres://127.0.0.1:1/none', VERBATIM_JOB_TIMEOUT: 'soon' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('verbatim worker: VERBATIM_JOB_TIMEOUT is a job\'s time limit in whole seconds from 1 to 86400, not "soon".\n');
  });

  it('says in one sentence, without the password, that the database cannot be reached', () => {
    const result = runCli(['worker'], { env: { VERBATIM_DATABASE_URL: 'postgres://verbatim:secret@127.0.0.1:1/none' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('verbatim worker: cannot open the database postgres://verbatim@127.0.0.1:1/none: no PostgreSQL server answers at that address (connection refused).\n');
  });

  it('takes no arguments', () => {
    const result = runCli(['worker', 'now']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('verbatim worker: worker takes no arguments but got 1; usage: verbatim worker.\n');
  });
});
