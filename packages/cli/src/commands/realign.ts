import type { Command } from '../command.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { showProgress, withStore } from '../store/open-store.js';

export const realignCommand: Command = {
  name: 'realign',
  summary: 'Recompute every alignment, after an engine change.',
  usage: `verbatim realign

Recomputes the alignments between the latest versions of all stored documents: each
commentary against the sources it quotes (found again, so a new engine may link documents
the old one did not). Then the alignments of older versions that another engine made are
made again, so that no stored report is outdated. The server re-makes outdated reports by
itself at start, in the background; realign does it on demand. Shows a progress bar on a
terminal. Each document is realigned in its own transaction: stopped half-way, every
alignment is either the old one or the new one.`,

  async run(args, context) {
    parseCommandArgs(realignCommand, { args, options: {} });
    const result = await withStore(context, (store, progress) =>
      store.realign({ onProgress: (event) => showProgress(progress, event) }),
    );
    const commentaries = `${result.commentaries} ${result.commentaries === 1 ? 'commentary' : 'commentaries'}`;
    const alignments = `${result.alignments} ${result.alignments === 1 ? 'alignment' : 'alignments'}`;
    const quote = result.commentaries === 1 ? 'it quotes' : 'they quote';
    const older = result.remade > 0 ? `; ${result.remade} ${result.remade === 1 ? 'report' : 'reports'} of older versions made again` : '';
    context.stdout.write(`Realigned ${commentaries} with the sources ${quote}: ${alignments}${older}.\n`);
    return 0;
  },
};
