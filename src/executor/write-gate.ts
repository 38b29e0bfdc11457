/**
 * A worker thread may write into the build's temporary output folder (the
 * search index, thread-jobs.ts) while the main thread, on Ctrl-C,
 * removes that folder synchronously (write/output-folder.ts). The gate makes the two
 * exclusive without a message round trip: once closeGate() returns, the write
 * under way, if any, has ended and no other starts, so nothing reappears in
 * the folder being removed. Two shared integers: `closed` and `busy`, each
 * side setting its own and then reading the other's (sequentially
 * consistent, so at least one of the two sees the other's).
 */
const CLOSED = 0;
const BUSY = 1;

/** The gate's shared memory, to hand to the writing thread (workerData). */
export function createWriteGate(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** Writing thread: runs `write` unless the gate is closed; false when it was not run. */
export function throughGate(gate: SharedArrayBuffer, write: () => void): boolean {
  const cells = new Int32Array(gate);
  if (Atomics.load(cells, CLOSED) === 1) return false;
  Atomics.store(cells, BUSY, 1);
  try {
    if (Atomics.load(cells, CLOSED) === 1) return false;
    write();
    return true;
  } finally {
    Atomics.store(cells, BUSY, 0);
    Atomics.notify(cells, BUSY);
  }
}

/** Main thread, synchronous: closes the gate and waits (at most `timeoutMs`) for the write under way to end. */
export function closeGate(gate: SharedArrayBuffer, timeoutMs = 2000): void {
  const cells = new Int32Array(gate);
  Atomics.store(cells, CLOSED, 1);
  const end = Date.now() + timeoutMs;
  while (Atomics.load(cells, BUSY) === 1 && Date.now() < end) Atomics.wait(cells, BUSY, 1, end - Date.now());
}
