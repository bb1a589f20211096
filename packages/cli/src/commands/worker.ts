import { usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';
import { fromStoreError } from '../store/store-error.js';

/** What a job came to, as the log line says it. */
function done({ outcome, source, commentary, ms }: { outcome: string; source: string; commentary: string; ms: number }): string {
  switch (outcome) {
    case 'stored':
      return `aligned ${source} with ${commentary} (${ms} ms)`;
    case 'exists':
      return `${source} with ${commentary} was aligned already`;
    case 'unlinked':
      return `${commentary} quotes nothing of ${source} (${ms} ms)`;
    default:
      return `${source} or ${commentary} was deleted meanwhile: nothing to align`;
  }
}

/** What re-making an outdated report came to. */
function remade({ outcome, source, commentary, ms }: { outcome: string; source: string; commentary: string; ms: number }): string {
  switch (outcome) {
    case 'remade':
      return `made again the report of ${source} with ${commentary} (${ms} ms)`;
    case 'unlinked':
      return `${commentary} no longer quotes ${source} by this engine: its report is dropped (${ms} ms)`;
    case 'current':
      return `the report of ${source} with ${commentary} was made again already`;
    default:
      return `${source} or ${commentary} was deleted meanwhile: nothing to make again`;
  }
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Align new documents for a team server on PostgreSQL, until stopped.',
  usage: `verbatim worker

Takes alignment jobs (and verifications sent through the API) from the queue of the
PostgreSQL corpus VERBATIM_DATABASE_URL names and stores what they come to, until Ctrl-C (SIGINT) or SIGTERM: then it finishes the job it
runs, or gives it back to the queue for another worker. Aligning keeps one core busy:
run one worker per core, on as many machines as you like; each job is done once. A job
whose worker died is given to another after VERBATIM_JOB_TIMEOUT seconds (900 by
default; the server or command that queues a job gives it its limit, so set it alike for
every server, worker and command of the corpus). A server started with VERBATIM_DATABASE_URL runs a worker of its own unless
VERBATIM_WORKER=off.

On an SQLite corpus (no VERBATIM_DATABASE_URL) there is nothing to do: each document is
aligned as it is added.

Example:
  VERBATIM_DATABASE_URL=postgres://verbatim@db.example.org/verbatim verbatim worker`,

  async run(args, context) {
    const { positionals } = parseCommandArgs(workerCommand, { args, options: {}, allowPositionals: true });
    if (positionals.length > 0) throw usageError(`worker takes no arguments but got ${positionals.length}; usage: ${synopsis(workerCommand)}.`);
    const databaseUrl = context.env.VERBATIM_DATABASE_URL;
    if (!databaseUrl) {
      throw usageError('workers serve a PostgreSQL corpus: set VERBATIM_DATABASE_URL=postgres://… (an SQLite corpus is aligned as each document is added, with no worker).');
    }
    const jobs = await import('@verbatim/store/jobs');
    let jobTimeoutSeconds: number;
    try {
      jobTimeoutSeconds = jobs.jobTimeoutSeconds(context.env.VERBATIM_JOB_TIMEOUT);
    } catch (error) {
      throw fromStoreError(error);
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const where = jobs.redactUrl(databaseUrl);
    try {
      await jobs.runWorker({
        databaseUrl,
        jobTimeoutSeconds,
        signal: stop.signal,
        onEvent: (event) => {
          if (event.type === 'started') {
            context.stdout.write(`verbatim: worker taking alignment jobs from ${where}; stop it with Ctrl-C.\n`);
          } else if (event.type === 'taken') {
            context.stdout.write(`verbatim: aligning ${event.source} with ${event.commentary}\n`);
          } else if (event.type === 'aligned') {
            context.stdout.write(`verbatim: ${done(event)}\n`);
          } else if (event.type === 'remade') {
            context.stdout.write(`verbatim: ${remade(event)}\n`);
          } else if (event.type === 'failed') {
            const next = event.final ? 'that was its last try' : 'it will be tried again';
            context.stderr.write(`verbatim: aligning ${event.source} with ${event.commentary} failed (${event.reason}); ${next}.\n`);
          } else if (event.type === 'verified') {
            const said = event.outcome === 'done' ? `verified ${event.document} against its official copy (${event.ms} ms)` : `verifying ${event.document} failed: ${event.reason}`;
            context.stdout.write(`verbatim: ${said}\n`);
          } else if (event.type === 'verify-failed') {
            const next = event.final ? 'that was its last try' : 'it will be tried again';
            context.stderr.write(`verbatim: verifying ${event.document} failed (${event.reason}); ${next}.\n`);
          } else if (event.type === 'gave-up') {
            context.stderr.write(`verbatim: gave up aligning ${event.source} with ${event.commentary}, now marked failed: ${event.reason}\n`);
          } else {
            context.stdout.write('verbatim: worker stopping: finishing its job or giving it back.\n');
          }
        },
        onError: (error) => context.stderr.write(`verbatim: the job queue met a problem (${error.message}); trying again.\n`),
      });
    } catch (error) {
      throw fromStoreError(error);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    context.stdout.write('verbatim: worker stopped.\n');
    return 0;
  },
};
