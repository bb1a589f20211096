/**
 * The requests a server is still answering, so that closing it waits for them before it closes
 * the store: a request cut off mid-answer would meet a closed database (on PostgreSQL, "Cannot
 * use a pool after calling end" in the log) instead of finishing.
 */
export class InFlight {
  #running = 0;
  #idle: Array<() => void> = [];

  /** Counts one more thing running; the function returned says it is done (once). */
  begin(): () => void {
    this.#running += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#running -= 1;
      if (this.#running === 0) for (const resolve of this.#idle.splice(0)) resolve();
    };
  }

  /** Counts `work` as running until it settles; answers what it answers. */
  async track<T>(work: () => T | Promise<T>): Promise<T> {
    const done = this.begin();
    try {
      return await work();
    } finally {
      done();
    }
  }

  get running(): number {
    return this.#running;
  }

  /** Resolves once nothing is running, or after `timeoutMs` whatever is still running. */
  idle(timeoutMs: number): Promise<void> {
    if (this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
