import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, sampleProject } from '../helpers.js';

/** Pids of the processes whose parent is `parent`, read from /proc. */
function childrenOf(parent: number): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent)
        out.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Ctrl-C during a build', () => {
  it('leaves no Chromium process behind', async () => {
    const root = sampleProject();
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
    );
    let browsers: { pid: number; cmd: string }[] = [];
    for (let i = 0; i < 200 && browsers.length === 0; i++) {
      await sleep(50);
      browsers = childrenOf(child.pid ?? -1).filter((p) => /chrom/i.test(p.cmd));
    }
    expect(browsers.length, 'Chromium did not start').toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).not.toBe(0);
    // The browser and its own children (renderers, zygote) are gone once the command has exited.
    const tree = browsers.flatMap((b) => [b, ...childrenOf(b.pid)]);
    for (let i = 0; i < 40 && tree.some((p) => existsSync(`/proc/${p.pid}`) && !isZombie(p.pid)); i++) await sleep(50);
    for (const p of tree) expect(existsSync(`/proc/${p.pid}`) && !isZombie(p.pid), p.cmd.slice(0, 60)).toBe(false);
  }, 30_000);
});

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
