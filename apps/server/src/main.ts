#!/usr/bin/env node
// The entry of `npm start`: reads the environment, starts the server, stops it on a signal.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from './server.js';

/** apps/server/dist/main.js → the repository root. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`PORT must be a port number from 0 to 65535, not ${JSON.stringify(value)}.`);
  }
  return n;
}

function milliseconds(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of milliseconds, not ${JSON.stringify(value)}.`);
  return n;
}

/** VERBATIM_WORKER (on, or off when separate workers align) and VERBATIM_JOB_TIMEOUT, for a server on PostgreSQL. */
async function jobSettings(env: NodeJS.ProcessEnv): Promise<{ worker: boolean; jobTimeoutSeconds: number }> {
  const worker = env.VERBATIM_WORKER ?? 'on';
  if (worker !== 'on' && worker !== 'off') throw new Error(`VERBATIM_WORKER is on or off, not ${JSON.stringify(worker)}.`);
  const { jobTimeoutSeconds } = await import('@verbatim/store/jobs');
  return { worker: worker === 'on', jobTimeoutSeconds: jobTimeoutSeconds(env.VERBATIM_JOB_TIMEOUT) };
}

async function main(): Promise<void> {
  const env = process.env;
  const server = await start({
    // A relative VERBATIM_DB is the user's, relative to where they ran the command.
    dbPath: env.VERBATIM_DB ? path.resolve(env.VERBATIM_DB) : path.join(ROOT, 'data', 'verbatim.db'),
    ...(env.VERBATIM_DATABASE_URL ? { databaseUrl: env.VERBATIM_DATABASE_URL, ...(await jobSettings(env)) } : {}),
    corpusDir: path.join(ROOT, 'corpus'),
    port: port(env.PORT),
    // Closed by default: only this machine can reach the workbench unless HOST says otherwise.
    host: env.HOST || '127.0.0.1',
    ...(env.VERBATIM_TOKEN ? { token: env.VERBATIM_TOKEN } : {}),
    ...(env.VERBATIM_CHECK_LIMIT === 'off' ? { unlimitedChecks: true } : {}),
    ...(env.VERBATIM_CORS_ORIGINS ? { corsOrigins: env.VERBATIM_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
    ...(env.VERBATIM_PUBLIC_URL ? { publicUrl: env.VERBATIM_PUBLIC_URL } : {}),
    ...(env.VERBATIM_BUSY_TIMEOUT_MS ? { busyTimeoutMs: milliseconds('VERBATIM_BUSY_TIMEOUT_MS', env.VERBATIM_BUSY_TIMEOUT_MS) } : {}),
    ...(env.VERBATIM_FETCH_PRIVATE === '1' ? { fetchPrivate: true } : {}),
    onProgress: (event) => {
      if (event.warning) console.warn(`verbatim: ${event.warning}`);
    },
    log: (line) => console.log(line),
  });
  console.log(`Verbatim is serving ${server.url} (API reference: ${server.url}/api/docs)`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`verbatim: stopping on ${signal} failed:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Starting fails for reasons a user can fix (a port in use, a newer database): one sentence.
  console.error(`verbatim: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.VERBATIM_DEBUG) console.error(error);
  process.exit(1);
});
