// Runs a whole process under GNU time and returns its wall time and peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `cmd args` once; resolves { ms, rssMb, code }. Output goes to /dev/null. */
export function timeProcess(cmd, args, options = {}) {
  const report = join(tmpdir(), `yongzu-bench-${process.pid}-${Math.random().toString(36).slice(2)}.time`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', '-o', report, cmd, ...args], {
      stdio: 'ignore',
      cwd: options.cwd,
      env: options.env ?? process.env,
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const text = readFileSync(report, 'utf8');
      rmSync(report, { force: true });
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? 0);
      resolve({ ms, rssMb: kb / 1024, code });
    });
  });
}

/** Median, min and max of numbers. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * One warm-up, then `runs` timed runs. `prepare(i)` runs before each (untimed)
 * and returns the arguments of that run.
 */
export async function repeat(cmd, runs, prepare, options = {}) {
  const times = [];
  let rss = 0;
  for (let i = -1; i < runs; i++) {
    const args = await prepare(i);
    const r = await timeProcess(cmd, args, options);
    if (r.code !== 0 && !options.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}`);
    if (i < 0) continue;
    times.push(r.ms);
    rss = Math.max(rss, r.rssMb);
  }
  return { ...summary(times), rssMb: rss };
}
