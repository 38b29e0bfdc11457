import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * The typefaces GB/T 9704 asks for, by role, and where each comes from:
 * a file in the project's fonts folder (the office's licensed files), else
 * a font installed on the machine, else an open substitute (font-faces.ts).
 */
export type FontRole = '小标宋' | '仿宋' | '黑体' | '楷体' | '宋体' | '数字';

/** The roles in the order reports list them; the CSS family each one fills. */
export const ROLES: readonly { role: FontRole; family: string; names: readonly string[]; pattern: RegExp }[] = [
  {
    role: '小标宋',
    family: 'YZ XiaoBiaoSong',
    names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0', '方正小标宋_GBK'],
    pattern: /小标宋|XiaoBiaoSong|FZXBS/i,
  },
  {
    role: '仿宋',
    family: 'YZ FangSong',
    names: ['仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong'],
    pattern: /仿宋|FangSong|SIMFANG/i,
  },
  { role: '黑体', family: 'YZ Hei', names: ['SimHei', '黑体', 'STHeiti'], pattern: /黑体|SimHei|STHeiti/i },
  {
    role: '楷体',
    family: 'YZ Kai',
    names: ['楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti'],
    pattern: /楷体|KaiTi|SIMKAI|STKaiti/i,
  },
  {
    role: '宋体',
    family: 'YZ Song',
    names: ['SimSun', '宋体', 'STSong'],
    pattern: /^(?!.*小标宋).*(宋体|SimSun|STSong)/i,
  },
  {
    role: '数字',
    family: 'YZ Latin',
    names: ['Times New Roman', 'TimesNewRomanPSMT'],
    pattern: /Times ?New ?Roman|^times(bd|i|bi)?\.ttf$/i,
  },
];

/** What one role uses. */
export interface RoleChoice {
  role: FontRole;
  family: string;
  /** The face's family name as the file declares it, or the substitute's name. */
  face: string;
  source: 'project' | 'installed' | 'substitute';
  /** The font file, for project and installed faces. */
  file?: string;
  /** The file relative to the project, for reports (`fonts/仿宋_GB2312.ttf`). */
  shown?: string;
}

/** A font file fontconfig describes: its family names and outline format. */
interface Scanned {
  file: string;
  families: string[];
  format: string;
}

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

function runFontconfig(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

function parseScan(out: string): Scanned[] {
  return out
    .split('\n')
    .filter((l) => l.includes('|'))
    .map((line) => {
      const [families = '', format = '', file = ''] = line.split('|');
      return { file, families: families.split(','), format };
    });
}

/** The font files of the project's fonts folder (one level, and subfolders), as fontconfig reads them. */
export function scanProjectFonts(dir: string): { fonts: Scanned[]; skipped: string[] } {
  const files: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      const path = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (isDir && depth < 2) walk(path, depth + 1);
      else if (FONT_FILE.test(name)) files.push(path);
    }
  };
  walk(dir, 0);
  if (files.length === 0) return { fonts: [], skipped: [] };
  const scanned = parseScan(runFontconfig('fc-scan', ['--format', '%{family}|%{fontformat}|%{file}\n', ...files]));
  const fonts: Scanned[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const found = scanned.find((s) => s.file === file);
    // CFF outlines come out as Type 3 in Chromium's PDFs, which print shops reject; collections are not served.
    if (found && found.format === 'TrueType' && !/\.ttc$/i.test(file)) fonts.push(found);
    else skipped.push(file);
  }
  return { fonts, skipped };
}

/** The machine's TrueType fonts carrying an official face's name (fontconfig's list, which is Chromium's). */
export function installedFonts(): Scanned[] {
  return parseScan(runFontconfig('fc-list', [':', '-f', '%{family}|%{fontformat}|%{file}\n'])).filter(
    (f) => f.format === 'TrueType' && !/\.ttc$/i.test(f.file),
  );
}

/**
 * The installed fonts carrying an official face's name, one line each: part
 * of the PDF cache key, so a PDF made with substitutes is printed again once
 * an office installs the real faces.
 */
export function officialFacesKey(installed: readonly Scanned[]): string {
  const names = new Set(ROLES.flatMap((r) => r.names));
  return installed
    .filter((f) => f.families.some((n) => names.has(n)))
    .map((f) => `${f.families.join(',')}:${f.file}`)
    .sort()
    .join('\n');
}

/**
 * Chooses each role's face: a project font whose family or file name names
 * the role (方正小标宋简体, 仿宋_GB2312.ttf, SIMHEI.TTF…), else an installed
 * font with one of the role's official names, else the substitute (left to
 * font-faces.ts, which knows them).
 */
export function resolveFontRoles(
  root: string,
  fontsDir: string,
  installed: readonly Scanned[] = installedFonts(),
): { choices: RoleChoice[]; skipped: string[] } {
  const dir = join(root, fontsDir);
  const project = scanProjectFonts(dir);
  const choices = ROLES.map(({ role, family, names, pattern }): RoleChoice => {
    const own = project.fonts.find((f) => f.families.some((n) => pattern.test(n)) || pattern.test(basename(f.file)));
    if (own)
      return {
        role,
        family,
        face: own.families[own.families.length - 1] ?? basename(own.file),
        source: 'project',
        file: own.file,
        shown: relative(root, own.file),
      };
    const machine = installed.find((f) => f.families.some((n) => names.includes(n)));
    if (machine)
      return {
        role,
        family,
        face: machine.families.find((n) => names.includes(n)) ?? machine.families[0] ?? '',
        source: 'installed',
        file: machine.file,
        shown: machine.file,
      };
    return { role, family, face: '', source: 'substitute' };
  });
  return { choices, skipped: project.skipped.map((f) => relative(root, f)) };
}
