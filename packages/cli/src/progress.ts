import type { Output } from './command.js';
import { truncate } from './format/truncate.js';

/** A progress line on stderr while long work runs; it disappears once the work is done. */
export interface Progress {
  /** `label  ██████░░░░ done/total  detail`. */
  update(label: string, done: number, total: number, detail?: string): void;
  /** A line without a count, for one long step that reports nothing while it runs. */
  note(text: string): void;
  /** Erases the line, so that what follows starts on a clean one. */
  clear(): void;
}

export interface ProgressOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Clock, for tests. */
  now?: () => number;
}

const BAR_WIDTH = 20;
/** Redraws at most this often: drawing on every event can cost more than the work it shows. */
const MIN_INTERVAL_MS = 80;
const CLEAR_LINE = '\r\u001b[2K';

const SILENT: Progress = { update() {}, note() {}, clear() {} };

/**
 * Progress for a person watching a terminal. Anywhere else — a pipe, a file, a log, a
 * terminal that cannot move the cursor (TERM=dumb) — it writes nothing at all, so scripts
 * and tests see only the command's real output.
 */
export function createProgress(stream: Output, options: ProgressOptions): Progress {
  if (!stream.isTTY || options.env.TERM === 'dumb') return SILENT;
  const now = options.now ?? Date.now;
  let shown = false;
  let lastDraw = -Infinity;
  let lastLabel = '';

  const draw = (line: string) => {
    const width = Math.max((stream.columns ?? 80) - 1, 10);
    stream.write(`${CLEAR_LINE}${truncate(line, width)}`);
    shown = true;
    lastDraw = now();
  };

  return {
    update(label, done, total, detail) {
      // The first and last steps of a phase are always drawn, so the bar never stops short.
      const due = label !== lastLabel || done >= total || now() - lastDraw >= MIN_INTERVAL_MS;
      lastLabel = label;
      if (!due) return;
      draw(`${label}  ${bar(done, total)} ${done}/${total}${detail ? `  ${detail}` : ''}`);
    },
    note(text) {
      lastLabel = '';
      draw(text);
    },
    clear() {
      if (!shown) return;
      stream.write(CLEAR_LINE);
      shown = false;
      lastLabel = '';
    },
  };
}

function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}
