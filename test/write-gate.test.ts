import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { closeGate, createWriteGate, throughGate } from '../src/executor/write-gate.js';
import { REPO } from './helpers.js';

describe('the write gate between a writing thread and Ctrl-C', () => {
  it('runs writes while open, and none once closed', () => {
    const gate = createWriteGate();
    const done: number[] = [];
    expect(throughGate(gate, () => done.push(1))).toBe(true);
    closeGate(gate);
    expect(throughGate(gate, () => done.push(2))).toBe(false);
    expect(done).toEqual([1]);
  });

  it('once closed, a folder removed by this thread is not made again by a worker writing into it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'yongzu-gate-')), 'out');
    const gate = createWriteGate();
    // The compiled gate (npm test compiles first), in a real thread that writes as fast as it can for up to 3 s.
    const lib = pathToFileURL(join(REPO, 'lib', 'executor', 'write-gate.js')).href;
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { mkdirSync, writeFileSync } = require('node:fs');
       import(${JSON.stringify(lib)}).then(({ throughGate }) => {
         const end = Date.now() + 3000;
         for (let n = 0; Date.now() < end; n++) {
           const ok = throughGate(workerData.gate, () => {
             try {
               mkdirSync(workerData.dir + '/' + (n % 50), { recursive: true });
               writeFileSync(workerData.dir + '/' + (n % 50) + '/' + n + '.txt', 'x');
             } catch {} // a folder removed under it: go on, as a careless writer would
           });
           if (n === 200) parentPort.postMessage('writing');
           if (!ok) break;
         }
       });`,
      { eval: true, workerData: { gate, dir } },
    );
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise((resolve) => worker.once('message', resolve));
    closeGate(gate);
    rmSync(dir, { recursive: true, force: true });
    await exited;
    expect(existsSync(dir)).toBe(false);
  });
});
