// Dev mode: edit → reload event and edit → served page, in a child process
// under GNU time (see dev-child.mjs); and edit → text visible in Chromium, in
// place and by the old full reload, for the issue page and the print preview
// (see dev-browser-child.mjs).
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, freshDir } from './corpus.mjs';
import { summary, timeProcess } from './measure.mjs';

export async function benchDev(root, rounds = 20) {
  const json = join(tmpdir(), `yongzu-bench-dev-${process.pid}.json`);
  const timed = await timeProcess(process.execPath, [
    join(repo, 'bench', 'dev-child.mjs'),
    root,
    freshDir('dev'),
    String(rounds),
    json,
  ]);
  if (timed.code !== 0) throw new Error(`dev benchmark exited ${timed.code}`);
  const rows = JSON.parse(readFileSync(json, 'utf8'));
  rmSync(json, { force: true });
  const reload = rows.map((r) => r.reloadMs).filter((v) => v !== undefined);
  const page = rows.map((r) => r.pageMs).filter((v) => v !== undefined);
  return {
    rounds: rows.length,
    reload: summary(reload),
    page: summary(page),
    missed: rows.length - page.length,
    rssMb: timed.rssMb,
  };
}

/** Edit → marker visible in headless Chromium (dev-browser-child.mjs): medians per run. */
export async function benchDevBrowser(root, rounds = 20) {
  const json = join(tmpdir(), `yongzu-bench-dev-browser-${process.pid}.json`);
  const loadBefore = loadavg();
  const timed = await timeProcess(process.execPath, [
    join(repo, 'bench', 'dev-browser-child.mjs'),
    root,
    freshDir('dev-browser'),
    String(rounds),
    json,
  ]);
  if (timed.code !== 0) throw new Error(`dev browser benchmark exited ${timed.code}`);
  const runs = JSON.parse(readFileSync(json, 'utf8'));
  rmSync(json, { force: true });
  const out = { rounds, loadavg: { before: loadBefore, after: loadavg() } };
  for (const [name, rows] of Object.entries(runs)) {
    const ms = rows.map((r) => r.ms).filter((v) => v !== undefined);
    out[name] = { ...summary(ms), missed: rows.length - ms.length };
  }
  return out;
}
