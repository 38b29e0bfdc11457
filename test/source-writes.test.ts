import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edit, runCli, SAMPLE, sourcesDigest, STACK_TRACE } from './helpers.js';

/**
 * The commands that write sources (check --fix, import, new) on a disk that
 * refuses: a real full disk and a real read-only one where the test may
 * mount a small tmpfs (as root, as CI runs), and in any case the error
 * injected at the one seam every source write goes through
 * (YONGZU_TEST_WRITE_ERROR, src/write/test-hooks.ts). Each ends with a Chinese
 * `write/source` diagnostic and exit 1; sources are byte for byte as they
 * were; no temporary file, no backup, no empty folder is left.
 */

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

/** A project on a fresh tmpfs of 256 KB, or undefined when this process may not mount one. */
function projectOnTmpfs(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'yongzu-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]).status !== 0) return undefined;
  mounted.push(dir);
  cpSync(SAMPLE, join(dir, 'issues', '2009-18'), { recursive: true });
  edit(dir, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持学习培训,');
  writeFileSync(join(dir, 'import.txt'), '东安县加强干部教育\n\n一是坚持学习培训。二是坚持实践锻炼。\n');
  return dir;
}

function fullDisk(): { root: string; env: NodeJS.ProcessEnv } | undefined {
  const root = projectOnTmpfs();
  if (!root) return undefined;
  // Fill what is left, a page at a time, until the disk says no.
  const page = Buffer.alloc(4096, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(root, `filler-${i}`), page);
    } catch {
      break;
    }
  }
  return { root, env: {} };
}

function readOnlyDisk(): { root: string; env: NodeJS.ProcessEnv } | undefined {
  const root = projectOnTmpfs();
  if (!root) return undefined;
  if (spawnSync('mount', ['-o', 'remount,ro', root]).status !== 0) return undefined;
  return { root, env: {} };
}

function injected(code: string): () => { root: string; env: NodeJS.ProcessEnv } {
  return () => {
    const root = mkdtempSync(join(tmpdir(), 'yongzu-test-'));
    cpSync(SAMPLE, join(root, 'issues', '2009-18'), { recursive: true });
    edit(root, 'issues/2009-18/04-qiyang.md', '坚持学习培训', '坚持学习培训,');
    writeFileSync(join(root, 'import.txt'), '东安县加强干部教育\n\n一是坚持学习培训。二是坚持实践锻炼。\n');
    return { root, env: { YONGZU_TEST_WRITE_ERROR: code } };
  };
}

/** Every path under `dir` (node_modules and the fillers aside), relative. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => !p.startsWith('node_modules') && !p.startsWith('filler-'))
    .sort();
}

const DISKS: [string, () => { root: string; env: NodeJS.ProcessEnv } | undefined, RegExp][] = [
  ['a full disk (tmpfs)', fullDisk, /磁盘空间不足，ENOSPC/],
  ['a read-only disk (tmpfs)', readOnlyDisk, /磁盘是只读的，EROFS/],
  ['a full disk (injected)', injected('ENOSPC'), /磁盘空间不足，ENOSPC/],
  ['a read-only disk (injected)', injected('EROFS'), /磁盘是只读的，EROFS/],
];

const COMMANDS: [string, string[]][] = [
  ['check --fix', ['check', '--fix']],
  ['new issue', ['new', 'issue', '--date', '2009-07-01', '--theme', '主题']],
  ['new submission', ['new', 'submission', '--to', 'issues/2009-18', '--county', '东安县']],
  ['import', ['import', 'import.txt', '--to', 'issues/2009-18', '--county', '东安县']],
];

/** Whether this process may mount a tmpfs (root with the capability, as in CI). */
function canMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'yongzu-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}
const mountable = canMount();

describe.each(DISKS)('source writes on %s', (disk, makeDisk, why) => {
  it.skipIf(disk.includes('tmpfs') && !mountable).each(COMMANDS)(
    '%s: a write/source diagnostic, exit 1, nothing left behind',
    async (_, args) => {
      const { root, env } = makeDisk()!;
      const before = sourcesDigest(root);
      const paths = tree(root);
      const run = await runCli([...args, '--root', root], { cwd: root, env });
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/错误 +无法写入 .*：没有写入任何内容，也没有留下临时文件.*write\/source/);
      expect(run.stdout + run.stderr).toMatch(why);
      expect(sourcesDigest(root)).toBe(before);
      expect(tree(root)).toEqual(paths);
    },
  );
});
