/**
 * Test-only hooks, inert unless their variable is set in the environment:
 * - YONGZU_TEST_STOP_AT=<step>: the process kills itself (SIGKILL: no
 *   clean-up runs) when it reaches that step of writing its output, so tests
 *   can check what a kill at each step leaves behind (test/crash-windows.test.ts);
 * - YONGZU_TEST_WRITE_ERROR=<code> (ENOSPC, EROFS…): writing a source file
 *   fails with that error after its temporary file was made, as on a full or
 *   read-only disk where no such disk can be had (test/source-writes.test.ts).
 */
export function stopHereInTests(step: string): void {
  if (process.env['YONGZU_TEST_STOP_AT'] === step) process.kill(process.pid, 'SIGKILL');
}

/** Throws the error YONGZU_TEST_WRITE_ERROR names, if set. */
export function failWriteInTests(): void {
  const code = process.env['YONGZU_TEST_WRITE_ERROR'];
  if (code) throw Object.assign(new Error(`${code}: injected by YONGZU_TEST_WRITE_ERROR`), { code });
}
