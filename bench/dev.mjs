// Dev mode: edit → reload event and edit → served page, in a child process
// under GNU time (see dev-child.mjs); and edit → text visible in Chromium, in
// place and by the old full reload, for the issue page and the print preview
// (see dev-browser-child.mjs).
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, freshDir } from './corpus.mjs';
import { summary, timeProcess } from './measure.mjs';

/** Runs a child script of the bench on `root` under GNU time; its JSON result and the process figures. */
async function runChild(script, label, root, rounds) {
  const json = join(tmpdir(), `yongzu-bench-${label}-${process.pid}.json`);
  const timed = await timeProcess(process.execPath, [
    join(repo, 'bench', script),
    root,
    freshDir(label),
    String(rounds),
    json,
  ]);
  if (timed.code !== 0) throw new Error(`${label} benchmark exited ${timed.code}`);
  const data = JSON.parse(readFileSync(json, 'utf8'));
  rmSync(json, { force: true });
  return { timed, data };
}

export async function benchDev(root, rounds = 20) {
  const { timed, data: rows } = await runChild('dev-child.mjs', 'dev', root, rounds);
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
  const loadBefore = loadavg();
  const { data: runs } = await runChild('dev-browser-child.mjs', 'dev-browser', root, rounds);
  const out = { rounds, loadavg: { before: loadBefore, after: loadavg() } };
  for (const [name, rows] of Object.entries(runs)) {
    const ms = rows.map((r) => r.ms).filter((v) => v !== undefined);
    out[name] = { ...summary(ms), missed: rows.length - ms.length };
  }
  return out;
}
