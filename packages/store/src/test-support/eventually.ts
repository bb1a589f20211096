/** Resolves with the first value `take` gives that is not undefined, polling; fails after `ms`. */
export async function eventually<T>(take: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await take();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`nothing came within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
