// Dev mode: edit → reload event and edit → served page, in a child process (see dev-child.mjs).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repo, freshDir } from './corpus.mjs';
import { summary } from './measure.mjs';

export function benchDev(root, rounds = 20) {
  const out = freshDir('dev');
  const text = execFileSync(process.execPath, [join(repo, 'bench', 'dev-child.mjs'), root, out, String(rounds)], { encoding: 'utf8', timeout: 600000 });
  const rows = text.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const reload = rows.map((r) => r.reloadMs).filter((v) => v !== undefined);
  const page = rows.map((r) => r.pageMs).filter((v) => v !== undefined);
  return { reload: summary(reload), page: summary(page), missed: rows.length - page.length };
}
