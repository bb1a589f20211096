// Measuring and printing helpers shared by the benchmark sections (not a section itself).

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `fn` over `runs` calls after `warmups` untimed ones (so the JIT has compiled it),
 * starting from a collected heap when --expose-gc is on. Memory is sampled after each call:
 * the heap high-water mark is a lower bound of the true peak, which happens mid-call.
 */
export function measure(fn, { runs, warmups = 0 }) {
  for (let i = 0; i < warmups; i++) fn();
  const samples = sampling();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.add(performance.now() - start);
  }
  return samples.result(runs, warmups);
}

/** `measure` for work that answers a promise (the store's reads): each run awaited before the next. */
export async function measureAsync(fn, { runs, warmups = 0 }) {
  for (let i = 0; i < warmups; i++) await fn();
  const samples = sampling();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.add(performance.now() - start);
  }
  return samples.result(runs, warmups);
}

/** The times of a measurement and the memory high-water marks after each run, from a collected heap. */
function sampling() {
  globalThis.gc?.();
  const times = [];
  let heapPeak = process.memoryUsage().heapUsed;
  let rssPeak = process.memoryUsage().rss;
  return {
    add(ms) {
      times.push(ms);
      const { heapUsed, rss } = process.memoryUsage();
      heapPeak = Math.max(heapPeak, heapUsed);
      rssPeak = Math.max(rssPeak, rss);
    },
    result: (runs, warmups) => ({ runs, warmups, median: median(times), min: Math.min(...times), max: Math.max(...times), heapPeak, rssPeak }),
  };
}

/** The process's peak resident set so far, in bytes (the kernel's high-water mark). */
export function maxRss() {
  return process.resourceUsage().maxRSS * 1024;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints rows as a table: the first column left-aligned, the others right-aligned. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((row) => [...row[c]].length)));
  const pad = (cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]));
  const line = (row) => `  ${row.map(pad).join('   ')}`.trimEnd();
  console.log(line(all[0]));
  console.log(`  ${widths.map((w) => '─'.repeat(w)).join('   ')}`);
  for (const row of all.slice(1)) console.log(line(row));
}

const SERVER_MAIN = new URL('../../apps/server/dist/main.js', import.meta.url);

/**
 * Starts the built server (apps/server/dist/main.js) in a process of its own on a free
 * loopback port with the database `dbPath` (and what `env` adds, such as
 * VERBATIM_DATABASE_URL); resolves with its URL, read from the one line it prints, and the
 * process.
 */
export async function startServer(dbPath, env = {}) {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(process.execPath, [fileURLToPath(SERVER_MAIN)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', VERBATIM_DB: dbPath, VERBATIM_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}
