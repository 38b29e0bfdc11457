import fc from 'fast-check';
import type nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkIssue } from '../src/check/check-project.js';
import { createMarkdownParser } from '../src/text/markdown-syntax.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { LoadedIssue } from '../src/load/load-project.js';
import { parseSubmission } from '../src/load/parse-submission.js';
import { parseYamlSource } from '../src/load/yaml-source.js';
import { mergeIssue } from '../src/merge/merge-issue.js';

import { loadMarkdownPipeline } from '../src/render/markdown.js';

// Random bodies hold every kind of Markdown: the full pipeline is needed.
await loadMarkdownPipeline();
import { createTemplateEnv } from '../src/render/templates.js';
import { REPO, renderSiteFiles } from './helpers.js';
import { unsafeParts } from './html-safety.js';

const THEME = '各县区创新组织工作服务新型工业化发展';
const META = `year: 2009\nissue: 18\ntotal: 476\ndate: 2009-06-15\nthemes:\n  - ${THEME}\n`;
const env: nunjucks.Environment = createTemplateEnv(REPO);

/** Any YAML-able value: wrong types, odd Unicode, huge strings and numbers. */
const value = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('江华县', '永州县', THEME, '18', '', ' ', '\u0000', '\u202e江华县', '𠀀𠀁', 'x'.repeat(5000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

const frontMatter = fc.record(
  {
    issue: fc.oneof(fc.constant(18), value),
    county: fc.oneof(fc.constantFrom('江华县', '双牌县', '道县'), value),
    theme: fc.oneof(fc.constant(THEME), value),
    title: fc.oneof(fc.constant('江华县全力为新型工业化提供干部保障'), value),
    order: value,
    extra: value,
  },
  { requiredKeys: [] },
);

/** Markdown bodies made of the pieces that break parsers and sanitizers. */
const body = fc
  .array(
    fc.constantFrom(
      '一是',
      '二是',
      '四是',
      '。',
      '，',
      ',',
      '"',
      '\n',
      '\n\n',
      ' ',
      '#',
      '*',
      '_',
      '>',
      '- ',
      '1. ',
      '[',
      ']',
      '(',
      ')',
      '`',
      '```\n',
      '|',
      '---',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="//evil"></iframe>',
      '<style>*{}</style>',
      '<svg onload=alert(1)>',
      '&lt;',
      '&#x3C;script',
      '\u3000',
      '：',
      '60-120元',
      '...',
      '中',
      'a',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Random raw front-matter text, not necessarily valid YAML. */
const rawYaml = fc
  .array(
    fc.constantFrom(
      'issue: 18',
      'county：江华县',
      'county: 江华县',
      'theme: ',
      THEME,
      'title: "',
      "title: '",
      '- ',
      '  ',
      '&a [1]',
      '*a',
      '{',
      '}',
      '\t',
      '\n',
      ': :',
      '!!binary',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const parser = createMarkdownParser();

function assertPlaced(diagnostics: readonly Diagnostic[], texts: Record<string, string>): void {
  for (const d of diagnostics) {
    const text = texts[d.file];
    expect(text, `${d.rule} names a file of the issue`).toBeDefined();
    const lines = text!.split('\n');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line, `${d.rule} line`).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column, `${d.rule} column`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    // No library's own English message leaks through.
    expect(d.message).not.toMatch(/Invalid|expected|received/);
  }
}

/** Runs load (from text) → check → merge → render; asserts the invariants. */
function pipeline(files: string[]): void {
  const meta = parseYamlSource(META, 'issues/f/issue.yml', 0).source;
  const texts: Record<string, string> = { 'issues/f/issue.yml': META };
  const loaded: LoadedIssue = { folder: 'f', meta, submissions: [] };
  const diagnostics: Diagnostic[] = [];
  files.forEach((text, i) => {
    const file = `issues/f/0${i}.md`;
    texts[file] = text;
    const parsed = parseSubmission(text, file);
    diagnostics.push(...parsed.diagnostics);
    loaded.submissions.push({ file, name: `0${i}.md`, text, ...parsed.value });
  });
  const checked = checkIssue(loaded, DEFAULT_CONFIG, { parser });
  assertPlaced([...diagnostics, ...checked.diagnostics], texts);
  if (!checked.value) return;
  const site = renderSiteFiles([mergeIssue(checked.value, DEFAULT_CONFIG)], DEFAULT_CONFIG, env, { pdf: true });
  for (const page of site) {
    const html = String(page.content);
    if (!page.path.endsWith('.html')) continue;
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>') + 7);
    expect(unsafeParts(main)).toEqual([]);
  }
}

describe('property: no input crashes the pipeline', () => {
  it('random front-matter values and Markdown bodies', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(frontMatter, body), { minLength: 1, maxLength: 3 }), (subs) => {
        pipeline(subs.map(([fm, b]) => `---\n${stringify(fm)}---\n\n${b}\n`));
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });

  it('random raw front-matter text (not necessarily YAML)', () => {
    fc.assert(
      fc.property(rawYaml, body, (yaml, b) => {
        pipeline([`---\n${yaml}\n---\n${b}`]);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });

  it('arbitrary text as a whole file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        pipeline([text]);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});
