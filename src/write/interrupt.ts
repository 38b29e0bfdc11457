/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) during a command
 * that writes: registered cleanups run synchronously (remove temporary
 * folders, put the previous output back, release the lock) before the process
 * exits with 128 + the signal's number, as a shell reports a process killed by
 * it: 130, 143 and 129. This is the only process-wide state of yongzu, and it
 * lives at the I/O edge.
 */
const cleanups = new Set<() => void>();
let installed = false;

/** Registers a synchronous cleanup for an interrupt; returns its unregister function. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Installs the handlers (once). `say` prints the closing line. The exit is
 * immediate: Chromium, if any, quits when its pipe to Node closes.
 */
export function handleInterrupts(say: (line: string) => void): void {
  if (installed) return;
  installed = true;
  const stop = (signal: NodeJS.Signals) => {
    for (const c of [...cleanups]) {
      try {
        c();
      } catch {
        // best effort: keep undoing the rest
      }
    }
    say(`已中断（${signal}）：输出文件夹保持原样，没有留下临时文件。`);
    process.exit(EXIT_CODES[signal] ?? 130);
  };
  for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.once(signal, stop);
}

/** The exit code after each signal handled: 128 + its number. */
export const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
