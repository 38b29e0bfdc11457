/**
 * Bounds the PDFs `yongzu dev` prints on request: each render starts its own
 * Chromium (about 1 GB), so twelve clicks must not start twelve. Requests for
 * an issue already being printed share that render; at most `browsers`
 * renders run at once, the others wait in line (at most `waiting`), and a
 * request beyond that is turned away at once.
 */
export interface PdfLimitOptions {
  /** Renders (each with its own browser) running at once. */
  browsers?: number;
  /** Renders waiting for a free browser before requests are turned away. */
  waiting?: number;
}

/** Thrown when too many PDFs are already being printed or waiting. */
export class PdfBusyError extends Error {
  constructor() {
    super('too many PDF renders');
  }
}

export function limitPdfRenders<T>(
  render: (key: string) => Promise<T>,
  options: PdfLimitOptions = {},
): (key: string) => Promise<T> {
  const browsers = options.browsers ?? 2;
  const waiting = options.waiting ?? 8;
  const inFlight = new Map<string, Promise<T>>();
  const queue: (() => void)[] = [];
  let running = 0;
  const slot = async () => {
    if (running < browsers) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const free = () => {
    const next = queue.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running--;
  };
  return (key) => {
    const same = inFlight.get(key);
    if (same) return same;
    if (running >= browsers && queue.length >= waiting) return Promise.reject(new PdfBusyError());
    const job = (async () => {
      await slot();
      try {
        return await render(key);
      } finally {
        free();
      }
    })();
    inFlight.set(key, job);
    const forget = () => {
      if (inFlight.get(key) === job) inFlight.delete(key);
    };
    job.then(forget, forget);
    return job;
  };
}
