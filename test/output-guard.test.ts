import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, digest, sampleProject } from './helpers.js';

/** Runs the real CLI; `cwd` defaults to the project. */
function yongzu(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

/** A project with the sample issue, a template and a style, and a digest of everything in it. */
function project() {
  const root = sampleProject();
  mkdirSync(join(root, 'templates'));
  writeFileSync(join(root, 'templates', 'README.txt'), 'templates of this office');
  mkdirSync(join(root, 'styles'));
  writeFileSync(join(root, 'styles', 'site.css'), 'body{}');
  return root;
}

describe('the output folder guard (build --out, pdf --out, dev --out)', () => {
  const unsafe: Array<[string, (root: string) => { args: string[]; cwd?: string }]> = [
    ['OUT is the project', (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', root] })],
    ['OUT is issues/', (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, 'issues')] })],
    [
      'OUT is an issue folder',
      (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, 'issues', '2009-18')] }),
    ],
    [
      'OUT is inside an issue folder',
      (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, 'issues', '2009-18', 'site')] }),
    ],
    [
      'OUT is templates/',
      (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, 'templates')] }),
    ],
    ['OUT is styles/', (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, 'styles')] })],
    [
      'OUT is the folder above the project',
      (root) => ({ args: ['build', '--no-pdf', '--root', root, '--out', join(root, '..')] }),
    ],
    ['OUT is . from inside the project', () => ({ args: ['build', '--no-pdf', '--out', '.'] })],
    [
      'OUT is a link to the project',
      (root) => {
        const link = join(mkdtempSync(join(tmpdir(), 'yongzu-link-')), 'out');
        symlinkSync(root, link);
        return { args: ['build', '--no-pdf', '--root', root, '--out', link] };
      },
    ],
    ['pdf --out is issues/', (root) => ({ args: ['pdf', '--root', root, '--out', join(root, 'issues')] })],
    ['pdf --out is the project', (root) => ({ args: ['pdf', '--root', root, '--out', root] })],
    ['dev --out is the project', (root) => ({ args: ['dev', '--root', root, '--out', root, '--port', '0'] })],
  ];
  for (const [name, make] of unsafe) {
    it(`${name}: exit 1, a Chinese message naming both folders, nothing touched`, () => {
      const root = project();
      const before = digest(root);
      const { args, cwd } = make(root);
      const r = yongzu(args, cwd ?? root);
      expect(r.code).toBe(1);
      expect(r.all).toContain('output/protected');
      expect(r.all).toMatch(/输出文件夹 .+(就是|包含|是项目的)/);
      expect(r.all).toContain(root);
      expect(r.all).not.toMatch(/\n\s+at /); // no stack trace
      expect(digest(root)).toBe(before);
      expect(readdirSync(join(root, '..')).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
    });
  }

  it('refuses an existing folder that yongzu did not make, unless --force', () => {
    const root = project();
    const foreign = mkdtempSync(join(tmpdir(), 'yongzu-foreign-'));
    writeFileSync(join(foreign, 'thesis.docx'), 'precious');
    const before = digest(foreign);
    const r = yongzu(['build', '--no-pdf', '--root', root, '--out', foreign]);
    expect(r.code).toBe(1);
    expect(r.all).toContain('output/not-empty');
    expect(r.all).toContain('thesis.docx');
    expect(r.all).toContain('--force');
    expect(digest(foreign)).toBe(before);
    const forced = yongzu(['build', '--no-pdf', '--force', '--root', root, '--out', foreign]);
    expect(forced.code).toBe(0);
    expect(existsSync(join(foreign, 'index.html'))).toBe(true);
    expect(existsSync(join(foreign, 'thesis.docx'))).toBe(false);
  });

  it('pdf --out refuses a foreign folder too', () => {
    const root = project();
    const foreign = mkdtempSync(join(tmpdir(), 'yongzu-foreign-'));
    writeFileSync(join(foreign, 'notes.txt'), 'precious');
    const r = yongzu(['pdf', '--root', root, '--out', foreign]);
    expect(r.code).toBe(1);
    expect(r.all).toContain('output/not-empty');
  });

  it('an OUT that is a file is refused and kept', () => {
    const root = project();
    const file = join(mkdtempSync(join(tmpdir(), 'yongzu-file-')), 'site');
    writeFileSync(file, 'a file');
    const r = yongzu(['build', '--no-pdf', '--force', '--root', root, '--out', file]);
    expect(r.code).toBe(1);
    expect(r.all).toContain('output/not-folder');
    expect(existsSync(file)).toBe(true);
  });

  it('rebuilds into its own output (new, empty or marked), leaving the marker', () => {
    const root = project();
    expect(yongzu(['build', '--no-pdf', '--root', root]).code).toBe(0);
    expect(existsSync(join(root, 'dist', '.yongzu-output'))).toBe(true);
    utimesSync(join(root, 'issues', '2009-18', 'issue.yml'), new Date(), new Date(Date.now() + 5000)); // not a no-change build
    const again = yongzu(['build', '--no-pdf', '--root', root]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已生成');
    const empty = mkdtempSync(join(tmpdir(), 'yongzu-empty-'));
    expect(yongzu(['build', '--no-pdf', '--root', root, '--out', empty]).code).toBe(0);
    expect(yongzu(['build', '--no-pdf', '--root', root, '--out', join(empty, 'again')]).code).toBe(0);
  });
});
