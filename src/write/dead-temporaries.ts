import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../util/process-alive.js';

/** A temporary file's name: `<path>.<pid>-<uuid>[.<kind>].tmp`, unique within the process too. */
export function temporaryName(path: string, kind?: string): string {
  return `${path}.${process.pid}-${randomUUID()}${kind ? `.${kind}` : ''}.tmp`;
}

const TEMPORARY = /\.(\d+)-[0-9a-f-]{36}(?:\.[a-z]+)?\.tmp$/;

/**
 * Removes from `dir` the temporary files (temporaryName) of processes that
 * are gone: a run killed outright (SIGKILL, a power cut) runs no clean-up.
 * Those of live processes, this one included, are theirs.
 */
export function removeDeadTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}
