import type { Paragraph } from '@verbatim/core';

/**
 * Compacts locators into ranges of consecutive paragraphs, in source order:
 * `0.1, 0.2, 0.3, I.2` → `0.1–0.3, I.2`. Consecutive means adjacent in the source's
 * paragraph list, so a range may cross a section (`I.6–II.2`). Locators the list does not
 * know are kept as they are, after the others.
 */
export function compactLocators(locators: readonly string[], paragraphs: readonly Paragraph[]): string[] {
  const indexOf = new Map(paragraphs.map((p, i) => [p.locator, i] as const));
  const known = [...new Set(locators.filter((l) => indexOf.has(l)))].sort((a, b) => indexOf.get(a)! - indexOf.get(b)!);
  const unknown = [...new Set(locators.filter((l) => !indexOf.has(l)))];
  const ranges: string[] = [];
  let first: string | undefined;
  let last: string | undefined;
  const flush = () => {
    if (first === undefined || last === undefined) return;
    ranges.push(first === last ? first : `${first}–${last}`);
  };
  for (const locator of known) {
    if (last !== undefined && indexOf.get(locator)! === indexOf.get(last)! + 1) {
      last = locator;
      continue;
    }
    flush();
    first = last = locator;
  }
  flush();
  return [...ranges, ...unknown];
}
