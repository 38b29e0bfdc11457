/**
 * Runs rebuilds one at a time. Changes that arrive while a rebuild runs are
 * collected and handled by exactly one follow-up rebuild; a burst of changes
 * within one turn of the event loop becomes a single rebuild. No timer delay
 * is added: a save is rebuilt as soon as the previous rebuild is done.
 */
export interface BuildQueue {
  /** Adds a changed path; a rebuild follows. */
  schedule(path: string): void;
  /** Resolves when no rebuild is running or pending. */
  idle(): Promise<void>;
}

export function createBuildQueue(run: (changed: ReadonlySet<string>) => Promise<void>): BuildQueue {
  let pending = new Set<string>();
  let running: Promise<void> | undefined;
  let waiters: (() => void)[] = [];

  const drain = async () => {
    while (pending.size > 0) {
      const batch = pending;
      pending = new Set();
      try {
        await run(batch);
      } catch {
        // run() reports its own failures; the queue must keep serving later changes.
      }
    }
    running = undefined;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };

  return {
    schedule(path) {
      pending.add(path);
      // setImmediate lets the rest of a burst (same tick) join this batch.
      if (!running) running = new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
