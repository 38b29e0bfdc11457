import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capDiagnostics } from '../src/pipeline/cap-diagnostics.js';
import { maxOf, pushAll } from '../src/util/append.js';
import { createDiagnostic } from '../src/diagnostics/diagnostic.js';
import { REPO } from './helpers.js';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * Calls that pass every element of a list as an argument: past about 100,000
 * elements they throw `RangeError: Maximum call stack size exceeded` (a
 * 520 KB body of `中,` made 260,000 copy warnings). Spreads into array
 * literals (`[...a, ...b]`) are loops, and fine.
 */
const ARGUMENT_SPREAD =
  /\.(?:push|unshift)\(\s*\.\.\.|\.splice\([^)]*\.\.\.|Math\.(?:max|min)\(\s*\.\.\.|String\.from(?:CharCode|CodePoint)\(\s*\.\.\.|\.apply\(/;

describe('no call spreads a list of unbounded length into arguments', () => {
  it('src/ has none (use pushAll and maxOf from src/util/append.ts)', () => {
    const found = sources(join(REPO, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          ARGUMENT_SPREAD.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line)
            ? [`${relative(REPO, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('pushAll and maxOf hold for a million elements', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(pushAll([-1], many).length).toBe(1_000_001);
    expect(maxOf(many, 0)).toBe(999_999);
    expect(maxOf([], 7)).toBe(7);
  });
});

describe('diagnostics are capped per file and rule', () => {
  it('keeps the first 50 of a rule in a file and counts the rest in one line at the first left out', () => {
    const list = [
      ...Array.from({ length: 260_000 }, (_, i) =>
        createDiagnostic(
          'issues/a/01.md',
          { line: 7, column: 2 * i + 2 },
          'warning',
          'copy/halfwidth-punctuation',
          '半角',
        ),
      ),
      createDiagnostic('issues/a/01.md', { line: 1, column: 1 }, 'error', 'schema/type', '类型'),
      createDiagnostic('issues/a/02.md', { line: 7, column: 2 }, 'warning', 'copy/halfwidth-punctuation', '半角'),
    ];
    const capped = capDiagnostics(list);
    expect(capped).toHaveLength(50 + 1 + 1 + 1);
    const more = capped.find((d) => d.message.startsWith('还有'));
    expect(more).toMatchObject({ file: 'issues/a/01.md', line: 7, column: 102, severity: 'warning' });
    expect(more!.message).toContain('还有 259950 处同类问题');
    expect(capDiagnostics(list.slice(0, 50))).toEqual(list.slice(0, 50));
  });
});
