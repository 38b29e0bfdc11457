// Whole-process timings of `yongzu check`, `yongzu build --no-pdf` (cold and
// warm) and Eleventy 3 on the same corpus, each build into a fresh folder.
import { join } from 'node:path';
import { clearCaches, freshDir, repo } from './corpus.mjs';
import { repeat, summary, timeProcess } from './measure.mjs';

const yongzu = join(repo, 'bin', 'yongzu.js');
const eleventy = join(repo, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const node = process.execPath;

export function benchCheck(root, runs) {
  return repeat(node, runs, () => [yongzu, 'check', '--root', root]);
}

/** Cold: fresh OUT and no cache before each run. */
const coldArgs = (root) => {
  clearCaches(root);
  return [yongzu, 'build', '--no-pdf', '--root', root, '--out', freshDir('cold')];
};

/**
 * The cold build and Eleventy in alternation (one warm-up each, then runs
 * pairs), so that both see the same machine: on a shared machine the load
 * drifts over minutes. The ratio is the median of the pairs' ratios.
 */
export async function benchColdAndEleventy(root, runs) {
  const cold = [];
  const eleventy = [];
  const ratios = [];
  for (let i = -1; i < runs; i++) {
    const a = await timeProcess(node, coldArgs(root));
    if (a.code !== 0) throw new Error(`cold build exited ${a.code}`);
    const b = await timeProcess(node, eleventyArgs(root), eleventyOptions(root));
    if (b.code !== 0) throw new Error(`Eleventy exited ${b.code}`);
    if (i < 0) continue;
    cold.push(a);
    eleventy.push(b);
    ratios.push(a.ms / b.ms);
  }
  const pack = (list) => ({ ...summary(list.map((r) => r.ms)), rssMb: Math.max(...list.map((r) => r.rssMb)) });
  return { cold: pack(cold), eleventy: pack(eleventy), ratio: summary(ratios) };
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
const eleventyOptions = (root) => ({ cwd: root, env: { ...process.env, ELEVENTY_INPUT: join(root, 'issues') } });
const eleventyArgs = () => [
  eleventy,
  `--config=${join(repo, 'bench', 'eleventy', 'eleventy.config.mjs')}`,
  `--output=${freshDir('eleventy')}`,
  '--quiet',
];

/** One build of the corpus into a fresh folder (untimed: for the search benchmark); its folder. */
export async function buildOnce(root) {
  const out = freshDir('search');
  const r = await timeProcess(node, [yongzu, 'build', '--no-pdf', '--root', root, '--out', out]);
  if (r.code !== 0) throw new Error(`build for the search benchmark exited ${r.code}`);
  return out;
}
