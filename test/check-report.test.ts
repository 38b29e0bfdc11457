import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fix } from '../src/api.js';
import { codeFrame, columnsOf, widthOf } from '../src/diagnostics/code-frame.js';
import { countDiagnostics, type Diagnostic, sortDiagnostics } from '../src/diagnostics/diagnostic.js';
import { formatSummary, formatText, jsonReport, textReport } from '../src/diagnostics/format-text.js';
import { writeInPieces } from '../src/util/write-in-pieces.js';
import { BIN, edit, sampleProject } from './helpers.js';

/** The character a caret line points at in the excerpt line above it, counting terminal columns. */
function pointedAt(excerpt: string, caretLine: string): string | undefined {
  const target = caretLine.indexOf('^');
  let col = 0;
  for (const c of excerpt) {
    if (col === target) return c;
    col += columnsOf(c);
    if (col > target) return undefined; // the caret fell inside a wide character
  }
  return col === target ? '' : undefined;
}

describe('excerpts under diagnostics', () => {
  it('counts Chinese characters and full-width punctuation as two columns, “” and … as one', () => {
    expect(widthOf('县里')).toBe(4);
    expect(widthOf('，。（）')).toBe(8);
    expect(widthOf('“三项”…')).toBe(7);
    expect(widthOf('Word 20')).toBe(7);
    expect(widthOf('\u3000')).toBe(2);
  });

  it('puts the caret under the character the column names, after wide characters', () => {
    const line = '县里每年安排经费 20 万元，共 35 名。';
    for (let column = 1; column <= line.length; column++) {
      const [excerpt, caret] = codeFrame(line, 7, column);
      expect(excerpt).toBe(`  7 | ${line}`);
      expect(pointedAt(excerpt, caret), `column ${column}`).toBe(line[column - 1]);
    }
  });

  it('cuts a long line around the column, within the width, the caret still under its character', () => {
    const line = `${'一是根据需要调配干部，专门成立了重点财源建设领导小组办公室。'.repeat(12)}共 35 名。`;
    for (const column of [1, 40, 200, line.length - 3, line.length]) {
      const [excerpt, caret] = codeFrame(line, 8, column, 80);
      expect(widthOf(excerpt)).toBeLessThanOrEqual(80);
      expect(pointedAt(excerpt, caret), `column ${column}`).toBe(line[column - 1]);
      if (column > 40) expect(excerpt).toContain('| ...');
      if (column < line.length - 20) expect(excerpt).toMatch(/\.\.\.$/);
    }
  });

  it('shows tabs as spaces and a column just past the end', () => {
    const [excerpt, caret] = codeFrame('\t标题：', 2, 5);
    expect(excerpt).toBe('  2 |  标题：');
    expect(caret).toBe(`    | ${' '.repeat(7)}^`);
  });

  it('formatText shows the excerpt under each diagnostic whose line it has', () => {
    const d: Diagnostic = {
      file: 'issues/2009-18/01-jianghua.md',
      line: 2,
      column: 2,
      severity: 'warning',
      rule: 'copy/space',
      message: '中文里多了空格',
      fixable: true,
    };
    const text = formatText([d, { ...d, file: 'issues/2009-18/issue.yml', line: 1, column: 1 }], 2, {
      source: (file) => (file.endsWith('.md') ? ['---', '共 35 名'] : undefined),
    });
    expect(text).toContain(
      'issues/2009-18/01-jianghua.md:2:2  警告  中文里多了空格  copy/space\n  2 | 共 35 名\n    |   ^\n',
    );
    expect(text).toContain('issues/2009-18/issue.yml:1:1  警告  中文里多了空格  copy/space\n\n');
  });

  it('excerpts the first thousand only: an archive’s tens of thousands of warnings would take seconds', () => {
    const d: Diagnostic = { file: 'a.md', line: 1, column: 1, severity: 'warning', rule: 'copy/space', message: 'x' };
    const many = Array.from({ length: 1500 }, (_, i) => ({ ...d, column: 1 + (i % 3) }));
    const text = formatText(many, 1, { source: () => ['共 35 名'] });
    expect(text.match(/^ {2}1 \| /gm)).toHaveLength(1000);
    expect(text).toContain('（只摘录了前 1000 个问题的原文，其余 500 个只给位置。）');
    expect(formatText(many.slice(0, 3), 1, { source: () => ['共 35 名'], maxExcerpts: 2 })).toContain('其余 1 个');
  });
});

describe('the summary says what check --fix can fix', () => {
  it('counts the fixable warnings', () => {
    const w = (fixable: boolean): Diagnostic => ({
      file: 'a.md',
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'copy/space',
      message: '',
      ...(fixable ? { fixable: true as const } : {}),
    });
    expect(formatSummary(countDiagnostics([w(true), w(true), w(false)]), 3)).toBe(
      '检查了 3 个文件：0 个错误，3 个警告。其中 2 个警告可用「yongzu check --fix」自动改正。',
    );
    expect(formatSummary(countDiagnostics([w(false)]))).toBe('0 个错误，1 个警告。');
  });

  it('yongzu check on the sample: an excerpt under every warning, and how many --fix corrects', () => {
    const root = sampleProject();
    edit(root, 'issues/2009-18/03-daoxian.md', /\n$/, '\n\n县里安排** 专项经费 **用于培训。\n');
    const r = spawnSync(process.execPath, [BIN, 'check', '--root', root], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const sources = new Map<string, string[]>();
    let frames = 0;
    for (let i = 0; i < lines.length; i++) {
      const m = /^(issues\/\S+):(\d+):(\d+) {2}警告/.exec(lines[i]!);
      if (!m) continue;
      const [, file, line, column] = m;
      if (!sources.has(file!)) sources.set(file!, readFileSync(join(root, file!), 'utf8').split('\n'));
      const source = sources.get(file!)![Number(line) - 1]!;
      expect(lines[i + 1]).toMatch(new RegExp(`^ {2}${line} \\| `));
      expect(pointedAt(lines[i + 1]!, lines[i + 2]!)).toBe(source[Number(column) - 1]);
      frames++;
    }
    expect(frames).toBe(82);
    expect(r.stdout).toContain('0 个错误，82 个警告。其中 80 个警告可用「yongzu check --fix」自动改正。');
    expect(r.stdout).toContain('content/literal-delimiter');
  });
});

describe('check --fix and attribution lines', () => {
  it('keeps the spaces of an attribution line and a dateline, removes the others', async () => {
    const root = sampleProject();
    const file = 'issues/2009-18/03-daoxian.md';
    edit(root, file, /\n$/, '\n\n共 35 名党员参加。\n\n（江永县委组织部 蒋某某）\n\n道县委组织部  2009年6月22日\n');
    await fix({ root });
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain('\n\n共35名党员参加。\n\n（江永县委组织部 蒋某某）\n\n道县委组织部  2009年6月22日\n');
  });
});

describe('reports written in pieces (an archive’s report is tens of megabytes)', () => {
  const d = (i: number, fixable: boolean): Diagnostic => ({
    file: `issues/2009-${1 + (i % 3)}/0${i % 2}-县.md`,
    line: 1 + (i % 7),
    column: 1 + i,
    severity: i % 5 === 0 ? 'error' : 'warning',
    rule: 'copy/halfwidth-punctuation',
    message: `“引号”、反斜杠 \\ 和制表符\t在第 ${i} 处`,
    ...(fixable ? { fixable } : {}),
  });
  const many = Array.from({ length: 200 }, (_, i) => d(i, i % 4 === 0));

  it('the JSON pieces make exactly the JSON of the whole array, and parse back to it', () => {
    const whole = JSON.stringify(
      sortDiagnostics(many).map(({ file, line, column, severity, rule, message, fixable }) => ({
        file,
        line,
        column,
        severity,
        rule,
        message,
        ...(fixable ? { fixable } : {}),
      })),
      null,
      2,
    );
    const joined = Array.from(jsonReport(many)).join('');
    expect(JSON.parse(joined)).toEqual(JSON.parse(whole));
    expect(joined).toBe(JSON.stringify(JSON.parse(joined), null, 2));
    expect(Array.from(jsonReport([])).join('')).toBe('[]');
  });

  it('written a few characters at a time, a report is the same text with one line break at its end', () => {
    for (const [pieces, sep, whole] of [
      [() => textReport(many, 9), '\n', formatText(many, 9)],
      [() => jsonReport(many), '', Array.from(jsonReport(many)).join('')],
    ] as const) {
      const written: string[] = [];
      writeInPieces(pieces(), sep, (t) => written.push(t), 100);
      expect(written.length).toBeGreaterThan(10);
      expect(written.slice(0, -1).every((t) => t.length >= 100)).toBe(true);
      expect(written.join('')).toBe(`${whole}\n`);
    }
  });
});
