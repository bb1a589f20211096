import type { CheckSource } from '../types.js';

/** A source as a check reads it: what the answer names, and its text to align with. */
export interface SourceRow extends CheckSource {
  vid: number;
  text: string;
}

/**
 * What checking a text asks of a corpus, whichever engine holds it. The checker's choosing is
 * written once, as a generator that yields these questions; each engine answers them, SQLite
 * at once (`runSync`), PostgreSQL by awaiting its queries (`runAsync`).
 */
export interface Lookups {
  /** Every (hash, vid) of the shingle index among these hashes. */
  shingles: { args: { hashes: number[] }; answer: Array<[number, number]> };
  /** Versions with a paragraph holding these words as a phrase, as the full-text index reads them. */
  phrase: { args: { words: string[] }; answer: number[] };
  /** Versions of the paragraphs best matching any of these words, best first. */
  anyWords: { args: { words: string[] }; answer: number[] };
  /** Which of these versions are sources. */
  sources: { args: { vids: number[] }; answer: Set<number> };
  /** These versions' rows, in the same order. */
  sourceRows: { args: { vids: number[] }; answer: SourceRow[] };
  /** How many sources the corpus has (latest versions). */
  sourceCount: { args: Record<never, never>; answer: number };
  /** Locators of the paragraphs of `vid` overlapping [start, end) nobody has checked. */
  unverified: { args: { vid: number; start: number; end: number }; answer: string[] };
}

export type Lookup = { [K in keyof Lookups]: { ask: K } & Lookups[K]['args'] }[keyof Lookups];
export type Answer<K extends keyof Lookups> = Lookups[K]['answer'];
export type Plan<T> = Generator<Lookup, T, unknown>;

/** Asks one question of whoever runs the plan, typed by its kind. */
export function* ask<K extends keyof Lookups>(lookup: { ask: K } & Lookups[K]['args']): Generator<Lookup, Answer<K>, unknown> {
  return (yield lookup as Lookup) as Answer<K>;
}

/** Runs a plan, answering each question at once. */
export function runSync<T>(plan: Plan<T>, answer: (lookup: Lookup) => unknown): T {
  let step = plan.next();
  while (!step.done) step = plan.next(answer(step.value));
  return step.value;
}

/** Runs a plan, awaiting each answer. */
export async function runAsync<T>(plan: Plan<T>, answer: (lookup: Lookup) => Promise<unknown>): Promise<T> {
  let step = plan.next();
  while (!step.done) step = plan.next(await answer(step.value));
  return step.value;
}
