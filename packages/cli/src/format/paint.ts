export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta';

/** Applies styles to a piece of text; the identity when colour is off. */
export type Paint = (text: string, ...styles: Style[]) => string;

const ANSI: Record<Style, [open: number, close: number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

export function createPaint(enabled: boolean): Paint {
  if (!enabled) return (text) => text;
  return (text, ...styles) =>
    text === '' ? text : styles.reduce((out, s) => `\u001b[${ANSI[s][0]}m${out}\u001b[${ANSI[s][1]}m`, text);
}

/**
 * Colour only for a person at a terminal who has not opted out (https://no-color.org:
 * NO_COLOR set to anything non-empty). Pipes and files get plain text.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}
