// Whole-process timings of `yongzu check`, `yongzu build --no-pdf` (cold and
// warm) and Eleventy 3 on the same corpus, each build into a fresh folder.
import { join } from 'node:path';
import { clearCaches, freshDir, repo } from './corpus.mjs';
import { repeat, timeProcess } from './measure.mjs';

const yongzu = join(repo, 'bin', 'yongzu.js');
const eleventy = join(repo, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const node = process.execPath;

export function benchCheck(root, runs) {
  return repeat(node, runs, () => [yongzu, 'check', '--root', root]);
}

/** Cold: fresh OUT and no cache before each run. */
export function benchColdBuild(root, runs) {
  return repeat(node, runs, () => {
    clearCaches(root);
    return [yongzu, 'build', '--no-pdf', '--root', root, '--out', freshDir('cold')];
  });
}

/** Warm: a second build of the same OUT with nothing changed (the first build is untimed). */
export function benchWarmBuild(root, runs) {
  return repeat(node, runs, async () => {
    clearCaches(root);
    const out = freshDir('warm');
    const first = (await timeProcess(node, [yongzu, 'build', '--no-pdf', '--root', root, '--out', out])).code;
    if (first !== 0) throw new Error(`first build of ${out} exited ${first}`);
    return [yongzu, 'build', '--no-pdf', '--root', root, '--out', out];
  });
}

/** Eleventy 3 with bench/eleventy/, cold (fresh output), run from the corpus folder. */
export function benchEleventy(root, runs) {
  const options = { cwd: root, env: { ...process.env, ELEVENTY_INPUT: join(root, 'issues') } };
  return repeat(node, runs, () => [eleventy, `--config=${join(repo, 'bench', 'eleventy', 'eleventy.config.mjs')}`, `--output=${freshDir('eleventy')}`, '--quiet'], options);
}

