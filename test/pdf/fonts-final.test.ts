import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/api.js';
import { LIBERATION_DIR } from '../../src/pdf/font-faces.js';
import { BIN, sampleProject, writeFile } from '../helpers.js';
import { preflight } from './preflight.js';

/** Every file under a folder, as paths. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const cli = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args, '--root', root], { encoding: 'utf8' });

let root: string;
let built: BuildResult;
const office = join(LIBERATION_DIR, 'LiberationSerif-Regular.ttf');

beforeAll(async () => {
  root = sampleProject();
  // The office's digits face, named as Windows names Times New Roman; and a file that is no TrueType font.
  mkdirSync(join(root, 'fonts'), { recursive: true });
  copyFileSync(office, join(root, 'fonts', 'times.ttf'));
  writeFile(root, 'fonts/说明.otf', 'not a font');
  built = await build({ root });
}, 240_000);

describe('the office’s fonts', () => {
  it('uses a file of the project’s fonts folder for its role, and says which face each role used', () => {
    expect(built.written).toBeDefined();
    const digits = built.fontRoles?.find((r) => r.role === '数字');
    expect(digits).toMatchObject({ source: 'project', shown: 'fonts/times.ttf', face: 'Liberation Serif' });
    const others = built.fontRoles?.filter((r) => r.role !== '数字') ?? [];
    expect(others.map((r) => r.role)).toEqual(['小标宋', '仿宋', '黑体', '楷体', '宋体']);
    // On a machine set up by npm run setup there are no official faces: each of these fell back.
    for (const r of others) expect(r.source, r.role).toBe('substitute');
    expect(built.diagnostics.find((d) => d.rule === 'pdf/font-unusable')?.file).toBe('fonts/说明.otf');
  });

  it('never copies the office’s font files into the site', () => {
    const files = walk(built.written?.out ?? '');
    const bytes = readFileSync(office);
    for (const f of files) {
      expect(f).not.toMatch(/\.(ttf|otf|ttc|woff2?)$/i);
      if (statSync(f).size === bytes.length) expect(readFileSync(f).equals(bytes), f).toBe(false);
    }
  });

  it('prints the face of each role on every build, and says plainly which fell back', () => {
    const r = cli(root, 'build');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('数字 Liberation Serif（项目字体 fonts/times.ttf）');
    expect(r.stdout).toContain('仿宋 Noto Serif SC（替代字体）');
    expect(r.stdout).toMatch(/注意：小标宋、仿宋、黑体、楷体、宋体没有找到正式字体，用了替代字体/);
  });
});

describe('proof or final', () => {
  it('`yongzu pdf --final` refuses while copy warnings remain or a role fell back, and writes nothing', () => {
    const r = cli(root, 'pdf', '2009-18', '--final', '--out', join(root, 'final'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('不能生成定稿 PDF');
    expect(r.stdout).toMatch(/还有 \d+ 个文字校对警告/);
    expect(r.stdout).toContain('小标宋、仿宋、黑体、楷体、宋体没有找到正式字体');
    expect(r.stdout).toContain('pdf/not-final');
    expect(existsSync(join(root, 'final'))).toBe(false);
  });

  it('`--final --force` prints all the same, and says so', () => {
    const r = cli(root, 'pdf', '2009-18', '--final', '--force', '--out', join(root, 'final'));
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('已按 --force 生成定稿 PDF');
    expect(existsSync(join(root, 'final', '永组信息-2009-18.pdf'))).toBe(true);
  }, 180_000);

  it('`yongzu pdf --rgb` keeps the screen PDF: RGB colours, no output intent, still exact A4 and tagged', () => {
    const r = cli(root, 'pdf', '2009-18', '--rgb', '--out', join(root, 'rgb'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('屏幕用 RGB');
    const p = preflight(join(root, 'rgb', '永组信息-2009-18.pdf'));
    expect(p.rgbOperators).toBeGreaterThan(0);
    expect(p.cmykOperators).toBe(0);
    expect(p.outputIntent).toBeUndefined();
    expect(p.subtype).toBe('');
    expect(p.exactA4).toBe(true);
    expect(p.tagged).toBe(true);
    expect(p.rawFirstPage).toContain('永组信息');
  }, 180_000);
});

describe('a build that prints, with nothing changed', () => {
  it('is built again when a font file is added to the project’s fonts folder', async () => {
    // (The CLI's builds above key on its bundled code, the API's here on lib/: the first may print again.)
    await build({ root });
    expect((await build({ root })).written?.unchanged).toBe(true);
    copyFileSync(join(LIBERATION_DIR, 'LiberationMono-Bold.ttf'), join(root, 'fonts', 'spare.ttf'));
    expect((await build({ root })).written?.unchanged).toBeUndefined();
    expect((await build({ root })).written?.unchanged).toBe(true);
  }, 240_000);
});
