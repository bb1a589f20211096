import type { RealignResult, Store } from '@verbatim/store';
import { CliError } from '../cli-error.js';
import type { Command, CommandContext } from '../command.js';
import type { Progress } from '../progress.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { showProgress, withStore } from '../store/open-store.js';

/** How often `--wait` asks how much the workers have left, in milliseconds. */
const WAIT_POLL_MS = 1000;

export const realignCommand: Command = {
  name: 'realign',
  summary: 'Recompute every alignment, after an engine change.',
  usage: `verbatim realign [--wait]

Recomputes the alignments between the latest versions of all stored documents: each
commentary against the sources it quotes (found again, so a new engine may link documents
the old one did not). Then the alignments of older versions that another engine made are
made again, so that no stored report is outdated. The server re-makes outdated reports by
itself at start, in the background; realign does it on demand. Shows a progress bar on a
terminal. Each document is realigned in its own transaction: stopped half-way, every
alignment is either the old one or the new one.

On a team server's PostgreSQL corpus (VERBATIM_DATABASE_URL), the workers do the aligning:
realign indexes the documents again, drops the alignments that no longer link, and queues
for the workers every pair with no report yet (and every pair they gave up on), and every
report another engine made; it says how many and returns. A report this engine made is
kept, since making it again would give the same report.

Options:
  --wait   on a team server, wait until the workers have done every job of the queue
           (Ctrl-C stops waiting; the jobs stay queued); exits 1 if they gave up on a pair`,

  async run(args, context) {
    const { values } = parseCommandArgs(realignCommand, { args, options: { wait: { type: 'boolean', default: false } } });
    return withStore(
      context,
      async (store, progress) => {
        const result = await store.realign({ onProgress: (event) => showProgress(progress, event) });
        progress.clear();
        if (!result.queued) {
          context.stdout.write(`${realigned(result)}\n`);
          return 0;
        }
        context.stdout.write(`${queuedLine(result, result.queued)}\n`);
        if (!values.wait) {
          context.stdout.write('Watch them with GET /api/alignments/pending, or wait for them with verbatim realign --wait.\n');
          return 0;
        }
        return waitForWorkers(store, context, progress);
      },
      { queued: true },
    );
  },
};

/** What an inline realign did. */
function realigned(result: RealignResult): string {
  const commentaries = `${result.commentaries} ${result.commentaries === 1 ? 'commentary' : 'commentaries'}`;
  const alignments = `${result.alignments} ${result.alignments === 1 ? 'alignment' : 'alignments'}`;
  const quote = result.commentaries === 1 ? 'it quotes' : 'they quote';
  const older = result.remade > 0 ? `; ${result.remade} ${result.remade === 1 ? 'report' : 'reports'} of older versions made again` : '';
  return `Realigned ${commentaries} with the sources ${quote}: ${alignments}${older}.`;
}

/** What a team server's realign sent to the workers. */
function queuedLine(result: RealignResult, queued: NonNullable<RealignResult['queued']>): string {
  const commentaries = `${result.commentaries} ${result.commentaries === 1 ? 'commentary' : 'commentaries'}`;
  const kept = `${result.alignments} ${result.alignments === 1 ? 'report' : 'reports'} of this engine kept`;
  if (queued.alignments === 0 && queued.remakes === 0) return `Nothing to queue: ${commentaries} looked at, ${kept}.`;
  const jobs = [
    ...(queued.alignments > 0 ? [`${queued.alignments} ${queued.alignments === 1 ? 'alignment' : 'alignments'}`] : []),
    ...(queued.remakes > 0 ? [`${queued.remakes} ${queued.remakes === 1 ? 'report' : 'reports'} of another engine to make again`] : []),
  ].join(' and ');
  return `Queued ${jobs} for the team server's workers (${commentaries} looked at, ${kept}).`;
}

/** Waits until the queue has drained: no pair waiting, no report being made again. */
async function waitForWorkers(store: Store, context: CommandContext, progress: Progress): Promise<number> {
  const left = async () => (await store.pending()) + (await store.remaking());
  let total = await left();
  for (let now = total; now > 0; now = await left()) {
    total = Math.max(total, now);
    progress.update('Waiting for the workers', total - now, total);
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  progress.clear();
  const failed = await store.failed();
  if (failed > 0) {
    throw new CliError(
      `the workers gave up on ${failed} ${failed === 1 ? 'pair' : 'pairs'} (verbatim show <id> says why, and the workers' log which error); the rest is done.`,
      1,
    );
  }
  context.stdout.write('The workers have done every job.\n');
  return 0;
}
