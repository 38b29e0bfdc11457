import { rmSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { bodyCopyDiagnostics } from '../../src/check/copy-diagnostics.js';
import { type Diagnostic, sortDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { FAMILIES } from '../../src/rules/catalogue.js';
import { EXAMPLE_PROJECT, FRONT_MATTER, SUBMISSION } from '../../src/rules/examples.js';
import {
  type Example,
  type ExampleFile,
  isTextExample,
  type ProjectExample,
  type Rule,
  type TextExample,
} from '../../src/rules/rule.js';
import type { CopyRule } from '../../src/rules/text-finding.js';
import { makeProject, writeFile } from '../helpers.js';

/**
 * Tests generated from the catalogue, as remark-lint generates its tests from
 * the examples in its rules' docs: every failing example of a rule reports
 * that rule (its first diagnostic at the stated place, when there is one),
 * every passing example reports none of it (and a passing project no error
 * at all).
 *
 * A text example runs through the copy rules as a body when the rule is a copy
 * rule, else as the body of the example project's submission through the real
 * check; a project example is written to a temporary folder over the example
 * project and checked as `yongzu check` checks it.
 */
export function describeFamily(family: string): void {
  const rules = FAMILIES.find((f) => f.id === family)?.rules;
  if (!rules) throw new Error(`no family ${family}`);
  for (const rule of rules) {
    if (rule.kind !== 'source') continue;
    describe(rule.id, () => {
      rule.examples.fail.forEach((example, i) => {
        it(`fails: ${label(example, i)}`, async () => {
          const found = (await run(rule, example)).filter((d) => d.rule === rule.id);
          expect(found, 'no diagnostic of the rule').not.toEqual([]);
          for (const d of found) {
            expect(d.severity).toBe(rule.severity);
            expect(d.message).toMatch(/[\u4e00-\u9fff]/);
          }
          if (example.at !== undefined) expect(placeOf(found[0]!, example)).toBe(example.at);
          if (isTextExample(example) && example.fixed !== undefined)
            expect(fixed(rule as CopyRule, example.text)).toBe(example.fixed);
        });
      });
      rule.examples.pass.forEach((example, i) => {
        it(`passes: ${label(example, i)}`, async () => {
          const ds = await run(rule, example);
          expect(ds.filter((d) => d.rule === rule.id)).toEqual([]);
          // A project written right is right: no other rule has an error to report either.
          if (!isTextExample(example)) expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
        });
      });
    });
  }
}

function label(example: Example, i: number): string {
  const what = isTextExample(example) ? example.text : Object.keys(example.files).join(' ') || '(the example project)';
  return `${i + 1}. ${what.replace(/\s+/g, ' ').slice(0, 60)}`;
}

const FRONT_LINES = FRONT_MATTER.split('\n').length - 1;

/** The diagnostics of an example, sorted as `yongzu check` prints them. */
async function run(rule: Rule, example: Example): Promise<Diagnostic[]> {
  if (isTextExample(example)) {
    if (rule.id.startsWith('copy/'))
      return sortDiagnostics(bodyCopyDiagnostics({ file: SUBMISSION, body: example.text, bodyLine: 1 }));
    // As the body of the example submission: its text starts right under the front-matter.
    const ds = await runProject({ files: { [SUBMISSION]: FRONT_MATTER + example.text } });
    return ds
      .filter((d) => d.file === SUBMISSION && d.line > FRONT_LINES)
      .map((d) => ({ ...d, line: d.line - FRONT_LINES }));
  }
  return runProject(example);
}

async function runProject(example: ProjectExample): Promise<Diagnostic[]> {
  const root = makeProject();
  for (const [path, content] of Object.entries({ ...EXAMPLE_PROJECT, ...example.files })) {
    if (content === null) rmSync(join(root, path), { recursive: true, force: true });
    else writeFile(root, path, bytesOf(content));
  }
  return sortDiagnostics((await check({ root })).diagnostics);
}

function bytesOf(file: Exclude<ExampleFile, null>): string | Uint8Array {
  if (typeof file === 'string') return file;
  if ('hex' in file) return Buffer.from(file.hex, 'hex');
  if ('repeat' in file) return file.repeat.repeat(file.times);
  if (file.encoding === 'gb18030') return iconv.encode(file.text, 'gb18030');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.text, 'utf16le')]);
}

/** Where a diagnostic is, written as the example writes it: `line:column` in a text, `file:line:column` in a project. */
function placeOf(d: Diagnostic, example: Example): string {
  return isTextExample(example) ? `${d.line}:${d.column}` : `${d.file}:${d.line}:${d.column}`;
}

/** Applies every safe replacement of a copy rule's findings, right to left, as `check --fix` does. */
function fixed(rule: CopyRule, text: string): string {
  const findings = rule
    .check(text)
    .filter((f) => f.replacement !== undefined)
    .sort((a, b) => b.index - a.index);
  let out = text;
  for (const f of findings) out = out.slice(0, f.index) + f.replacement + out.slice(f.index + f.length);
  return out;
}

export type { TextExample };
