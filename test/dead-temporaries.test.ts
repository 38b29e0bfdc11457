import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDeadTemporaries, temporaryName } from '../src/write/dead-temporaries.js';

describe('temporary files of runs killed outright', () => {
  it('are removed; those of live processes and other files are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yongzu-dead-'));
    // A process that has ended: its pid names no live process (unless reused at once, which the test would show).
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(ended.stdout);
    const mine = basename(temporaryName(join(dir, 'check.json')));
    const dead = basename(temporaryName(join(dir, 'check.json'))).replace(`.${process.pid}-`, `.${deadPid}-`);
    const deadLine = basename(temporaryName(join(dir, 'a.json'), 'diagnostics')).replace(
      `.${process.pid}-`,
      `.${deadPid}-`,
    );
    for (const name of [mine, dead, deadLine, 'check.json', 'notes.1234.tmp']) writeFileSync(join(dir, name), 'x');
    removeDeadTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual([mine, 'check.json', 'notes.1234.tmp'].sort());
  });

  it('names two temporaries of the same path in one process apart', () => {
    expect(temporaryName('/x/a.json')).not.toBe(temporaryName('/x/a.json'));
  });
});
